import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../shared/contract/result';
import type { ClipImageRef } from '../../../shared/library';
import type { ClipImages } from './jobCommands';
import { draft, engineHarness, type EngineHarness } from '../../../../test/support/engineHarness';

// The library as far as a remix needs it: clip `c1` keeps one PNG; nothing else exists.
const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
const asked: ClipImageRef[] = [];
const clipImages: ClipImages = (ref) => {
  asked.push(ref);
  if (ref.clipId !== 'c1')
    return Promise.reject(new UserError('not-found', 'This clip is no longer in the library'));
  if (ref.index !== 0)
    return Promise.reject(new UserError('not-found', 'This clip has no such input image file'));
  return Promise.resolve({ mime: 'image/png', bytes: PNG });
};

let h: EngineHarness;
beforeEach(async () => {
  asked.length = 0;
  h = await engineHarness({ clipImages });
});
afterEach(async () => h.close());

describe('a remix names its images by clip', () => {
  it('copies the clip’s image into the job’s own store when the job is queued', async () => {
    const { handlers } = h.startEngine();
    await handlers['jobs.pause']({});
    const request = draft('remix', { mode: 'image', inputImages: [{ clipId: 'c1', index: 0 }] });
    const [job] = (await handlers['jobs.submit']({ request, copies: 2 })).jobs;
    const image = job!.request.inputImages[0];
    expect(image).toMatchObject({ mime: 'image/png', blobId: expect.any(String) as string });
    expect([...(await h.blobs.get((image as { blobId: string }).blobId))]).toEqual([...PNG]);
    // Read once for all copies.
    expect(asked).toEqual([{ clipId: 'c1', index: 0 }]);
  });

  it.each([
    [
      { clipId: 'gone', index: 0 },
      'Input image 1 of clip gone cannot be used: This clip is no longer in the library.',
    ],
    [
      { clipId: 'c1', index: 3 },
      'Input image 4 of clip c1 cannot be used: This clip has no such input image file.',
    ],
  ])('refuses %o before anything is queued, saying which image', async (ref, message) => {
    const { engine, handlers } = h.startEngine();
    const request = draft('remix', { mode: 'image', inputImages: [ref] });
    const refused = await handlers['jobs.submit']({ request, copies: 1 }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'invalid-request', message });
    expect(engine.jobs()).toEqual([]);
  });
});
