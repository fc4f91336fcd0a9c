import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  closeTestSimulators,
  createTask,
  defaultRequest,
  fastTaskMs,
  json,
  startTestSimulator,
} from '../../test/support/testSimulator';

afterEach(closeTestSimulators);

const image = { url: 'https://example.com/frame.png' };
type ErrorBody = { error: { type: string; message: string; param?: string } };

describe('auth', () => {
  it.each([
    ['no header', null],
    ['an unknown key', 'sk-air-nobody'],
  ])('answers 401 with an authentication_error for %s, on every route', async (_, key) => {
    const sim = await startTestSimulator();
    const requests: [string, string][] = [
      ['GET', '/v1/models'],
      ['POST', '/v1/video/generations'],
      ['GET', '/v1/video/tasks'],
      ['GET', '/v1/video/tasks/vid_X'],
      ['DELETE', '/v1/video/tasks/vid_X'],
      ['GET', '/v1/video/tasks/vid_X/stream'],
    ];
    for (const [method, path] of requests) {
      const response = await call(sim, path, {
        method,
        key,
        ...(method === 'POST' ? { body: defaultRequest } : {}),
      });
      expect(response.status).toBe(401);
      const body = await json<ErrorBody>(response);
      expect(body.error.type).toBe('authentication_error');
      expect(body.error.message).toMatch(/key/i);
    }
    expect(sim.tasks()).toHaveLength(0);
  });

  it('rejects a non-Bearer Authorization header', async () => {
    const sim = await startTestSimulator();
    const response = await fetch(`${sim.apiBase}/v1/models`, {
      headers: { Authorization: `Basic ${sim.apiKey}` },
    });
    expect(response.status).toBe(401);
  });
});

describe('POST /v1/video/generations', () => {
  it('answers exactly the documented fields and debits the cost up front', async () => {
    const sim = await startTestSimulator({ startBalanceCents: 1_000 });
    await sim.clock.advance(1_500);
    const response = await call(sim, '/v1/video/generations', { body: defaultRequest });
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(Object.keys(body).sort()).toEqual([
      'cost_cents',
      'created',
      'expires_at',
      'model',
      'status',
      'task_id',
    ]);
    expect(body.task_id).toMatch(/^vid_[0-9A-Z]{13}$/);
    expect(body).toMatchObject({ status: 'queued', model: 'wan-2.6', cost_cents: 200 });
    // Unix seconds of the virtual clock, and the 24 h lifetime.
    expect(body.created).toBe(Math.floor(sim.clock.now() / 1000));
    expect(body.expires_at).toBe((body.created as number) + 86_400);
    expect(sim.balanceOf(sim.apiKey)).toBe(800);
  });

  it('charges duration × price and defaults the duration to the model minimum', async () => {
    const sim = await startTestSimulator({ startBalanceCents: 10_000 });
    await createTask(sim, { model: 'kling-1', duration_seconds: 8 });
    await createTask(sim, { model: 'veo-lite' });
    const [veo, kling] = sim.tasks();
    expect(kling).toMatchObject({ model: 'kling-1', durationSeconds: 8, costCents: 8 * 56 });
    expect(veo).toMatchObject({
      model: 'veo-lite',
      durationSeconds: 4,
      costCents: 4 * 20,
      aspectRatio: '16:9',
      quality: '720p',
    });
    expect(sim.balanceOf(sim.apiKey)).toBe(10_000 - 448 - 80);
  });

  it.each([
    [{ model: 'sora-9' }, 'model'],
    [{ model: 'gpt-4o-mini' }, 'model'],
    [{ model: 'flux-schnell' }, 'model'],
    [{ model: undefined }, 'model'],
    [{ prompt: undefined }, 'prompt'],
    [{ prompt: '' }, 'prompt'],
    [{ mode: 'dream' }, 'mode'],
    [{ model: 'kling-1', mode: 'reference', input_images: [image] }, 'mode'],
    [{ model: 'veo-lite', mode: 'image', input_images: [image] }, 'mode'],
    [{ duration_seconds: 4 }, 'duration_seconds'],
    [{ duration_seconds: 11 }, 'duration_seconds'],
    [{ duration_seconds: 5.5 }, 'duration_seconds'],
    [{ model: 'veo-lite', duration_seconds: 10 }, 'duration_seconds'],
    [{ aspect_ratio: '21:9' }, 'aspect_ratio'],
    [{ model: 'kling-1', aspect_ratio: '4:3' }, 'aspect_ratio'],
    [{ model: 'veo-lite', aspect_ratio: '9:16' }, 'aspect_ratio'],
    [{ quality: '4k' }, 'quality'],
    [{ model: 'kling-1', quality: '480p' }, 'quality'],
    [{ model: 'veo-lite', quality: '1080p' }, 'quality'],
    [{ input_images: [image] }, 'input_images'],
    [{ mode: 'text', input_images: [image] }, 'input_images'],
    [{ mode: 'image' }, 'input_images'],
    [{ mode: 'image', input_images: [] }, 'input_images'],
    [{ mode: 'image', input_images: [image, image] }, 'input_images'],
    [{ mode: 'reference' }, 'input_images'],
    [{ mode: 'reference', input_images: [] }, 'input_images'],
    [{ mode: 'image', input_images: [{ url: 'http://example.com/a.png' }] }, 'input_images'],
    [{ seed: -1 }, 'seed'],
    [{ sound: 'yes' }, 'sound'],
  ])('rejects %o with 400 naming %s, and charges nothing', async (override, param) => {
    const sim = await startTestSimulator();
    const response = await call(sim, '/v1/video/generations', {
      body: { ...defaultRequest, ...override },
    });
    expect(response.status).toBe(400);
    const { error } = await json<ErrorBody>(response);
    expect(error.type).toBe('invalid_request_error');
    expect(error.param).toBe(param);
    expect(error.message).toContain(param);
    expect(sim.tasks()).toHaveLength(0);
    expect(sim.balanceOf(sim.apiKey)).toBe(100_000);
  });

  it('rejects a body that is not JSON, or not an object', async () => {
    const sim = await startTestSimulator();
    for (const body of ['{"model":', '[1,2]', '"text"']) {
      const response = await call(sim, '/v1/video/generations', { body });
      expect(response.status).toBe(400);
      expect((await json<ErrorBody>(response)).error.type).toBe('invalid_request_error');
    }
  });

  it('accepts image and reference modes with their images, and caps a model does not publish', async () => {
    const sim = await startTestSimulator();
    await createTask(sim, { mode: 'image', input_images: [{ b64_json: 'iVBORw0KGgo=' }] });
    await createTask(sim, { mode: 'reference', input_images: [image, image, image] });
    await createTask(sim, {
      model: 'kling-1',
      mode: 'image',
      input_images: [image],
      aspect_ratio: '1:1',
      quality: '1080p',
    });
    await createTask(sim, {
      model: 'seedance-pro',
      mode: 'reference',
      input_images: [image],
      aspect_ratio: '4:3',
      quality: '480p',
      seed: 3,
      sound: true,
    });
    expect(sim.tasks().map((t) => [t.mode, t.inputImageCount])).toEqual([
      ['reference', 1],
      ['image', 1],
      ['reference', 3],
      ['image', 1],
    ]);
    expect(sim.tasks()[0]).toMatchObject({
      seed: 3,
      sound: true,
      aspectRatio: '4:3',
      quality: '480p',
    });
  });

  it('answers 402 when the balance is below the cost, creating nothing', async () => {
    const sim = await startTestSimulator();
    sim.addKey('sk-air-poor', 199);
    const response = await call(sim, '/v1/video/generations', {
      body: defaultRequest,
      key: 'sk-air-poor',
    });
    expect(response.status).toBe(402);
    expect((await json<ErrorBody>(response)).error.message).toMatch(/200¢.*199¢/);
    expect(sim.balanceOf('sk-air-poor')).toBe(199);
    sim.addKey('sk-air-poor', 200);
    await createTask(sim, {}, 'sk-air-poor');
    expect(sim.balanceOf('sk-air-poor')).toBe(0);
  });

  it('allows 4 unfinished tasks per key, then 429 with Retry-After in seconds', async () => {
    const sim = await startTestSimulator();
    for (let i = 0; i < 4; i++) await createTask(sim);
    const refused = await call(sim, '/v1/video/generations', { body: defaultRequest });
    expect(refused.status).toBe(429);
    expect((await json<ErrorBody>(refused)).error.type).toBe('rate_limit_error');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(6);
    expect(sim.tasks()).toHaveLength(4);
    expect(sim.balanceOf(sim.apiKey)).toBe(100_000 - 4 * 200);

    // Another key has its own four slots; the first key gets its slots back as tasks finish.
    sim.addKey('sk-air-other', 1_000);
    await createTask(sim, {}, 'sk-air-other');
    await sim.clock.advance(fastTaskMs);
    await createTask(sim);
  });

  it('counts Retry-After in real seconds, shortened by the speed factor', async () => {
    const sim = await startTestSimulator({ speed: 100 });
    for (let i = 0; i < 4; i++) await createTask(sim);
    const refused = await call(sim, '/v1/video/generations', { body: defaultRequest });
    expect(refused.headers.get('retry-after')).toBe('1');
  });
});

describe('GET /v1/models', () => {
  it('lists video models with their caps, non-video models, and one with partial caps', async () => {
    const sim = await startTestSimulator();
    const body = await json<{
      object: string;
      data: { id: string; output_modalities?: string[]; video_caps?: Record<string, unknown> }[];
    }>(await call(sim, '/v1/models'));
    expect(body.object).toBe('list');
    const video = body.data.filter((m) => m.output_modalities?.includes('video'));
    expect(video.map((m) => m.id)).toEqual(['wan-2.6', 'kling-1', 'veo-lite', 'seedance-pro']);
    expect(video.find((m) => m.id === 'kling-1')?.video_caps).toEqual({
      modes: ['text', 'image'],
      min_duration_s: 5,
      max_duration_s: 10,
      aspect_ratios: ['16:9', '9:16', '1:1'],
      qualities: ['720p', '1080p'],
      price_per_second_cents: 56,
    });
    expect(Object.keys(video.find((m) => m.id === 'seedance-pro')?.video_caps ?? {})).not.toContain(
      'qualities',
    );
    expect(body.data.length).toBeGreaterThan(video.length);
  });
});
