import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserError } from '../../../shared/contract/result';
import { draft, engineHarness, type EngineHarness } from '../../../../test/support/engineHarness';

let h: EngineHarness;
beforeEach(async () => (h = await engineHarness()));
afterEach(async () => h.close());

const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC';

describe('input images', () => {
  it('refuses a job naming an image that is not stored, before anything is queued', async () => {
    const { engine, handlers } = h.startEngine();
    const image = { blobId: 'ab'.repeat(32), mime: 'image/png' as const };
    const refused = await handlers['jobs.submit']({
      request: draft('ghost image', { mode: 'image', inputImages: [image] }),
      copies: 1,
    }).catch((error: UserError) => error);
    expect(refused).toMatchObject({
      code: 'invalid-request',
      message: 'An input image is no longer stored: add it again.',
    });
    expect(engine.jobs()).toEqual([]);
  });

  it('a queued job whose image vanished fails saying so, naming no file of the app', async () => {
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.pause']({});
    const [job] = (
      await handlers['jobs.submit']({
        request: draft('vanishing', {
          mode: 'image',
          inputImages: [{ mime: 'image/png', dataBase64: PNG }],
        }),
        copies: 1,
      })
    ).jobs;
    const ref = job!.request.inputImages[0] as { blobId: string };
    await h.blobs.delete(ref.blobId);
    await handlers['jobs.resume']({});
    await h.until(() => engine.jobs()[0]?.status === 'failed', 'the failure');
    const message = engine.jobs()[0]!.error!.message;
    expect(message).toBe(
      'An input image could not be read (it is no longer stored): add it again and retry.',
    );
    expect(message).not.toContain('/');
    expect(h.sim.tasks()).toHaveLength(0);
  });
});
