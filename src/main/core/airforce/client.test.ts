import { describe, expect, it } from 'vitest';
import { apiErrorOf, prompt, useSimulatorClient } from '../../../../test/support/clientFixture';
import { anyOfType } from '../../../../test/support/matchers';

/** Every endpoint and every error status, against the simulator over real HTTP. */
describe('AirforceApi against the simulator', () => {
  const f = useSimulatorClient();

  it('lists only video models, with unpublished caps filled in', async () => {
    const models = await f.client.listModels(f.key);
    expect(models.map((model) => model.id)).toEqual([
      'wan-2.6',
      'kling-1',
      'veo-lite',
      'seedance-pro',
    ]);
    expect(models[0]).toEqual({
      id: 'wan-2.6',
      caps: {
        modes: ['text', 'image', 'reference'],
        min_duration_s: 5,
        max_duration_s: 10,
        aspect_ratios: ['16:9', '9:16', '1:1', '4:3'],
        qualities: ['480p', '720p', '1080p'],
        price_per_second_cents: 40,
      },
    });
    expect(models[3]).toMatchObject({
      caps: { aspect_ratios: ['16:9', '9:16', '1:1', '4:3'], qualities: ['480p', '720p', '1080p'] },
      defaulted: ['aspect_ratios', 'qualities'],
    });
  });

  it('creates a task, pays for it up front, and follows it to completion', async () => {
    const before = f.sim.balanceOf(f.key);
    const created = await f.client.createVideo(f.key, {
      model: 'wan-2.6',
      prompt,
      duration_seconds: 8,
    });
    expect(created).toMatchObject({ status: 'queued', model: 'wan-2.6', cost_cents: 320 });
    expect(created.expires_at - created.created).toBe(86_400);
    expect(f.sim.balanceOf(f.key)).toBe(before - 320);

    expect(await f.client.getTask(f.key, created.task_id)).toMatchObject({
      task_id: created.task_id,
      status: 'queued',
    });
    await f.sim.clock.advance(60_000);
    const done = await f.client.getTask(f.key, created.task_id);
    expect(done).toMatchObject({ status: 'completed', progress: 100, duration_seconds: 8 });
    expect(new URL(done.result_url ?? '').origin).toBe(new URL(f.sim.cdnBase).origin);
  });

  it('lists tasks newest first, with a limit and a status filter', async () => {
    const first = await f.client.createVideo(f.key, { model: 'veo-lite', prompt: 'first' });
    await f.sim.clock.advance(60_000);
    const second = await f.client.createVideo(f.key, { model: 'veo-lite', prompt: 'second' });

    const all = await f.client.listTasks(f.key);
    expect(all.map((task) => task.task_id)).toEqual([second.task_id, first.task_id]);
    expect((await f.client.listTasks(f.key, { limit: 1 })).map((task) => task.task_id)).toEqual([
      second.task_id,
    ]);
    const completed = await f.client.listTasks(f.key, { status: 'completed' });
    expect(completed.map((task) => task.task_id)).toEqual([first.task_id]);
    // The documented range is 1–200 whole tasks; the client asks within it rather than earn a 400.
    expect(await f.client.listTasks(f.key, { limit: 1.9 })).toHaveLength(1);
    expect(await f.client.listTasks(f.key, { limit: 10_000 })).toHaveLength(2);
  });

  it('reads every list envelope the docs leave open, and refuses one it cannot read', async () => {
    const { task_id } = await f.client.createVideo(f.key, { model: 'veo-lite', prompt });
    for (const listEnvelope of ['data', 'bare', 'tasks', 'items'] as const) {
      f.sim.configure({ listEnvelope });
      expect((await f.client.listTasks(f.key)).map((task) => task.task_id)).toEqual([task_id]);
    }
    f.sim.configure({ listEnvelope: 'unrecognised' });
    await expect(f.client.listTasks(f.key)).rejects.toMatchObject({
      error: { kind: 'bad-response' },
    });
  });

  it('reads null as absent, and keeps the prompt where a server adds it to list items', async () => {
    f.sim.configure({ nulls: true, listItems: 'with-prompt' });
    const { task_id } = await f.client.createVideo(f.key, { model: 'veo-lite', prompt });
    const [item] = await f.client.listTasks(f.key);
    expect(item).toMatchObject({ task_id, prompt });
    expect(item).not.toHaveProperty('error');
    expect(await f.client.getTask(f.key, task_id)).not.toHaveProperty('result_url');
  });

  it('deletes a task, which is then not found', async () => {
    const { task_id } = await f.client.createVideo(f.key, { model: 'veo-lite', prompt });
    await f.client.deleteTask(f.key, task_id);
    expect(await apiErrorOf(f.client.getTask(f.key, task_id))).toMatchObject({
      kind: 'not-found',
      status: 404,
    });
    expect(await apiErrorOf(f.client.deleteTask(f.key, task_id))).toMatchObject({
      kind: 'not-found',
    });
  });

  it('names the field of an invalid request, and does not retry it', async () => {
    const error = await apiErrorOf(
      f.client.createVideo(f.key, { model: 'wan-2.6', prompt, duration_seconds: 99 }),
    );
    expect(error).toMatchObject({
      kind: 'invalid-request',
      status: 400,
      field: 'duration_seconds',
    });
    expect(error.message).toMatch(/\(HTTP 400\)$/);
    expect(f.requests('create')).toBe(1);
    expect(f.sim.tasks()).toHaveLength(0);
  });

  it('reports a rejected key as auth, on every endpoint, without retrying', async () => {
    const calls = [
      () => f.client.listModels('sk-air-wrong'),
      () => f.client.createVideo('sk-air-wrong', { model: 'wan-2.6', prompt }),
      () => f.client.getTask('sk-air-wrong', 'vid_01'),
      () => f.client.listTasks('sk-air-wrong'),
      () => f.client.deleteTask('sk-air-wrong', 'vid_01'),
    ];
    for (const call of calls) {
      expect(await apiErrorOf(call())).toEqual({
        kind: 'auth',
        status: 401,
        message: 'Invalid API key (HTTP 401)',
      });
    }
    expect(f.sim.log).toHaveLength(5);
    expect(f.delays).toEqual([]);
  });

  it('sends a pasted key without its surrounding whitespace', async () => {
    await expect(f.client.listTasks(`  ${f.key}\n`)).resolves.toEqual([]);
  });

  it('refuses to send a key that cannot be a header, before any request', async () => {
    expect(await apiErrorOf(f.client.listTasks('sk-air-bad\u0000key'))).toMatchObject({
      kind: 'auth',
      status: 0,
    });
    expect(f.sim.log).toHaveLength(0);
  });

  it('reports a balance too low for the task', async () => {
    f.sim.addKey('sk-air-poor', 100);
    const error = await apiErrorOf(
      f.client.createVideo('sk-air-poor', { model: 'wan-2.6', prompt, duration_seconds: 10 }),
    );
    expect(error).toMatchObject({ kind: 'balance', status: 402 });
    expect(error.message).toContain('400¢');
  });

  it('reports an unknown task as not found, without retrying', async () => {
    expect(await apiErrorOf(f.client.getTask(f.key, 'vid_NOPE'))).toMatchObject({
      kind: 'not-found',
      status: 404,
      message: "No task 'vid_NOPE' (HTTP 404)",
    });
    expect(f.requests('get')).toBe(1);
  });

  it('keeps a hostile task id inside the task path', async () => {
    expect(await apiErrorOf(f.client.getTask(f.key, '../../models'))).toMatchObject({
      kind: 'not-found',
    });
    await expect(f.client.getTask(f.key, '..')).rejects.toThrow(TypeError);
  });

  it('retries a create refused at the concurrency limit until a slot frees', async () => {
    for (let i = 0; i < 4; i++)
      await f.client.createVideo(f.key, { model: 'veo-lite', prompt: `busy ${i}` });
    const waiting = f.clientWith({
      sleep: async (ms) => void (f.delays.push(ms), await f.sim.clock.advance(ms)),
    });
    const created = await waiting.createVideo(f.key, { model: 'veo-lite', prompt: 'fifth' });
    expect(created.status).toBe('queued');
    expect(f.requests('create')).toBe(6);
    expect(f.delays).toHaveLength(1);
    expect(f.delays[0]).toBeGreaterThanOrEqual(1000);
    expect(f.sim.tasks()).toHaveLength(5);
  });

  it('gives up on the concurrency limit after the last attempt, with the time to wait', async () => {
    for (let i = 0; i < 4; i++)
      await f.client.createVideo(f.key, { model: 'veo-lite', prompt: `busy ${i}` });
    const error = await apiErrorOf(
      f.client.createVideo(f.key, { model: 'veo-lite', prompt: 'fifth' }),
    );
    expect(error).toMatchObject({
      kind: 'rate-limited',
      status: 429,
      retryAfterMs: anyOfType(Number),
    });
    expect(error.message).toMatch(/At most 4 video tasks .*\(HTTP 429\); try again in \d+ s$/);
    expect(f.requests('create')).toBe(4 + 4);
    expect(f.delays).toHaveLength(3);
    expect(f.sim.tasks()).toHaveLength(4);
  });
});

/** Answers the documentation leaves open, served by the simulator's status fault as 200s. */
describe('AirforceApi reading answers that differ from the documentation', () => {
  const f = useSimulatorClient();
  const answer = (route: 'models' | 'create' | 'get' | 'list', body: unknown) =>
    f.sim.faults.next(route, { kind: 'status', status: 200, body: JSON.stringify(body) });

  it('accepts /v1/models as a bare array and skips what it cannot read', async () => {
    answer('models', [
      {
        id: 'wan-2.6',
        output_modalities: ['video'],
        video_caps: { min_duration_s: 5, max_duration_s: 10 },
      },
      {
        id: 'broken',
        output_modalities: ['video'],
        video_caps: { min_duration_s: 10, max_duration_s: 5 },
      },
      { output_modalities: ['video'] },
      'nonsense',
    ]);
    expect((await f.client.listModels(f.key)).map((model) => model.id)).toEqual(['wan-2.6']);
  });

  it('reads null as absent, and ignores fields it does not know', async () => {
    answer('get', {
      task_id: 'vid_1',
      status: 'queued',
      progress: null,
      error: null,
      result_url: null,
      eta: 'soon',
    });
    expect(await f.client.getTask(f.key, 'vid_1')).toEqual({ task_id: 'vid_1', status: 'queued' });
  });

  it('keeps the readable tasks of a list with one it cannot read', async () => {
    answer('list', [
      { task_id: 'vid_1', status: 'running' },
      { task_id: 'vid_2', status: 'cancelled' },
    ]);
    expect((await f.client.listTasks(f.key)).map((task) => task.task_id)).toEqual(['vid_1']);
  });

  it('fills in the times of a create answer that leaves them out: the task was paid for', async () => {
    answer('create', { task_id: 'vid_1', cost_cents: 200 });
    const created = await f.client.createVideo(f.key, { model: 'veo-lite', prompt });
    expect(created).toMatchObject({ task_id: 'vid_1', status: 'queued', cost_cents: 200 });
    expect(created.expires_at - created.created).toBe(86_400);
    expect(Math.abs(created.created - Date.now() / 1000)).toBeLessThan(5);
  });

  it('says which field of an answer is wrong', async () => {
    answer('get', { task_id: 'vid_1', status: 'dreaming' });
    const error = await apiErrorOf(f.client.getTask(f.key, 'vid_1'));
    expect(error).toMatchObject({ kind: 'bad-response', status: 200 });
    expect(error.message).toMatch(
      /^The server's answer could not be read: unexpected shape \(status: .+\) \(HTTP 200\)$/,
    );
  });
});
