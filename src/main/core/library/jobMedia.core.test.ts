import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobInputPath } from '../../../shared/jobMedia';
import { coreHarness, type CoreHarness } from '../../../../test/support/coreHarness';

const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC';

let h: CoreHarness;
beforeEach(() => (h = coreHarness()));
afterEach(async () => h.close());

describe("the assembled core's media route for a job's input image", () => {
  it('serves a waiting job’s stored image, and stops once the job is removed', async () => {
    const core = await h.start({ overrides: { demo: true } });
    core.start();
    await core.client.invoke('jobs.pause', {});
    const { jobs } = await core.client.invoke('jobs.submit', {
      request: {
        model: 'wan-2.6',
        prompt: 'from a picture',
        mode: 'image',
        durationSeconds: 5,
        inputImages: [{ mime: 'image/png', dataBase64: PNG }],
      },
      copies: 1,
    });
    const id = jobs[0]!.id;
    const url = `http://host/media${jobInputPath(id, 0)}`;
    const image = await core.media(new Request(url));
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).toString('base64')).toBe(PNG);
    // The library's own URLs still reach the library.
    expect((await core.media(new Request('http://host/media/vid_none/poster'))).status).toBe(404);

    await core.client.invoke('jobs.cancel', { id });
    await core.client.invoke('jobs.remove', { id });
    expect((await core.media(new Request(url))).status).toBe(404);
  });
});
