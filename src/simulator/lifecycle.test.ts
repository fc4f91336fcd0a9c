import { afterEach, describe, expect, it } from 'vitest';
import { promptFailure } from './routes/video';
import {
  call,
  closeTestSimulators,
  completedTask,
  createTask,
  fastTaskMs,
  json,
  startTestSimulator,
  taskStatus,
} from '../../test/support/testSimulator';

afterEach(closeTestSimulators);

const day = 86_400_000;

describe('task lifecycle', () => {
  it('goes queued → running with rising progress → completed, with the documented fields', async () => {
    const sim = await startTestSimulator();
    const id = await createTask(sim, { duration_seconds: 10 });
    const queued = await taskStatus(sim, id);
    expect(queued).toMatchObject({
      task_id: id,
      status: 'queued',
      model: 'wan-2.6',
      duration_seconds: 10,
      cost_cents: 400,
    });
    expect(queued).not.toHaveProperty('progress');
    expect(queued).not.toHaveProperty('result_url');

    await sim.clock.advance(1_000);
    const seen: number[] = [];
    for (let elapsed = 1_000; elapsed <= fastTaskMs; elapsed += 100) {
      const task = await taskStatus(sim, id);
      if (task.status !== 'running') break;
      seen.push(task.progress as number);
      await sim.clock.advance(100);
    }
    expect(seen[0]).toBeGreaterThanOrEqual(0);
    expect(new Set(seen).size).toBeGreaterThan(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(Math.max(...seen)).toBeLessThan(100);

    const done = await taskStatus(sim, id);
    expect(done).toMatchObject({ status: 'completed', progress: 100, cost_cents: 400 });
    expect(done).not.toHaveProperty('error');
    expect(String(done.result_url)).toMatch(
      new RegExp(`^${sim.cdnBase}/video/${id}\\.mp4\\?exp=\\d+&sig=[0-9a-f]{64}$`),
    );
    expect(String(done.thumbnail_url)).toMatch(new RegExp(`^${sim.cdnBase}/video/${id}\\.jpg\\?`));
    expect(new URL(sim.cdnBase).hostname).toBe('localhost');
    expect(new URL(sim.apiBase).hostname).toBe('127.0.0.1');
    expect(sim.balanceOf(sim.apiKey)).toBe(100_000 - 400);
  });

  it('takes the provider’s 30 s – 4 min with realistic timing', async () => {
    const sim = await startTestSimulator({ timing: 'realistic' });
    const short = await createTask(sim, { model: 'veo-lite' });
    const long = await createTask(sim, { duration_seconds: 10 });
    await sim.clock.advance(30_000);
    expect((await taskStatus(sim, short)).status).not.toBe('completed');
    expect((await taskStatus(sim, long)).status).not.toBe('completed');
    await sim.clock.advance(210_000);
    expect((await taskStatus(sim, short)).status).toBe('completed');
    expect((await taskStatus(sim, long)).status).toBe('completed');
  });

  it('is deterministic for a seed', async () => {
    const runs = await Promise.all([
      startTestSimulator({ seed: 11 }),
      startTestSimulator({ seed: 11 }),
    ]);
    const ids = await Promise.all(runs.map((sim) => createTask(sim)));
    expect(ids[0]).toBe(ids[1]);
    expect(runs[0]?.apiKey).toBe(runs[1]?.apiKey);
    for (const sim of runs) await sim.clock.advance(2_500);
    const [a, b] = await Promise.all(runs.map((sim, i) => taskStatus(sim, ids[i] ?? '')));
    expect(a).toEqual(b);
  });

  it('fails a prompt containing [fail] when it would complete, and refunds it', async () => {
    const sim = await startTestSimulator();
    const id = await createTask(sim, { prompt: 'A storm [fail]' });
    expect(sim.balanceOf(sim.apiKey)).toBe(100_000 - 200);
    await sim.clock.advance(1_000);
    expect((await taskStatus(sim, id)).status).toBe('running');
    await sim.clock.advance(fastTaskMs);
    const failed = await taskStatus(sim, id);
    expect(failed).toMatchObject({ status: 'failed', error: promptFailure, cost_cents: 0 });
    expect(failed).not.toHaveProperty('result_url');
    expect(sim.balanceOf(sim.apiKey)).toBe(100_000);
    expect(sim.tasks()[0]).toMatchObject({ status: 'failed', refunded: true, costCents: 200 });
  });

  it('fails the next created task on request, with the given error', async () => {
    const sim = await startTestSimulator();
    const error = { type: 'content_policy', message: 'Refused' };
    sim.faults.failNextTask(error);
    const rejected = await call(sim, '/v1/video/generations', {
      body: { model: 'nope', prompt: 'x' },
    });
    expect(rejected.status).toBe(400);
    const doomed = await createTask(sim);
    const fine = await createTask(sim);
    await sim.clock.advance(fastTaskMs);
    expect(await taskStatus(sim, doomed)).toMatchObject({ status: 'failed', error });
    expect((await taskStatus(sim, fine)).status).toBe('completed');
    expect(sim.balanceOf(sim.apiKey)).toBe(100_000 - 200);
  });

  it('fails a task now with failTask, refunding it; a finished task cannot fail', async () => {
    const sim = await startTestSimulator();
    const id = await createTask(sim);
    sim.failTask(id);
    expect(await taskStatus(sim, id)).toMatchObject({
      status: 'failed',
      error: { type: 'server_error' },
      cost_cents: 0,
    });
    expect(sim.balanceOf(sim.apiKey)).toBe(100_000);
    await sim.clock.advance(fastTaskMs);
    expect((await taskStatus(sim, id)).status).toBe('failed');
    expect(() => sim.failTask(id)).toThrow(/failed/);
    expect(() => sim.failTask('vid_NOPE')).toThrow(/No task/);
  });

  it('refunds a task that expires before completing', async () => {
    const sim = await startTestSimulator();
    const id = await createTask(sim);
    await sim.clock.advance(1_500);
    sim.expireTask(id);
    const expired = await taskStatus(sim, id);
    expect(expired).toMatchObject({ status: 'expired', cost_cents: 0 });
    expect(expired.expires_at).toBe(Math.floor(sim.clock.now() / 1000));
    expect(sim.balanceOf(sim.apiKey)).toBe(100_000);
    await sim.clock.advance(fastTaskMs);
    expect((await taskStatus(sim, id)).status).toBe('expired');
  });

  it('expires a completed result at expires_at without a refund', async () => {
    const sim = await startTestSimulator();
    const done = await completedTask(sim);
    await sim.clock.advance(day - fastTaskMs - 1_000);
    expect((await taskStatus(sim, done.task_id as string)).status).toBe('completed');
    await sim.clock.advance(1_000);
    const expired = await taskStatus(sim, done.task_id as string);
    expect(expired).toMatchObject({
      status: 'expired',
      cost_cents: 200,
      expires_at: done.expires_at,
    });
    expect(expired).not.toHaveProperty('result_url');
    expect(sim.balanceOf(sim.apiKey)).toBe(100_000 - 200);
    expect((await fetch(done.result_url as string)).status).toBe(403);
  });

  it('expires a completed result early with expireTask, still without a refund', async () => {
    const sim = await startTestSimulator();
    const done = await completedTask(sim);
    sim.expireTask(done.task_id as string);
    expect((await taskStatus(sim, done.task_id as string)).status).toBe('expired');
    expect(sim.balanceOf(sim.apiKey)).toBe(100_000 - 200);
    expect(() => sim.expireTask(done.task_id as string)).toThrow(/expired/);
  });
});

describe('DELETE /v1/video/tasks/{id}', () => {
  it('removes the task and its files, refunds nothing, and 404s afterwards', async () => {
    const sim = await startTestSimulator();
    const done = await completedTask(sim);
    const id = done.task_id as string;
    expect((await fetch(done.result_url as string)).status).toBe(200);

    const deleted = await call(sim, `/v1/video/tasks/${id}`, { method: 'DELETE' });
    expect(deleted.status).toBe(200);
    expect(await json(deleted)).toEqual({ task_id: id, deleted: true });
    expect(sim.balanceOf(sim.apiKey)).toBe(100_000 - 200);
    expect(sim.tasks()).toHaveLength(0);

    const gone = await call(sim, `/v1/video/tasks/${id}`);
    expect(gone.status).toBe(404);
    expect((await json<{ error: { type: string } }>(gone)).error.type).toBe('not_found_error');
    expect((await call(sim, `/v1/video/tasks/${id}`, { method: 'DELETE' })).status).toBe(404);
    for (const url of [done.result_url, done.thumbnail_url] as string[]) {
      const file = await fetch(url);
      expect(file.status).toBe(404);
      expect(await file.text()).toContain('<Code>NoSuchKey</Code>');
    }
  });

  it('frees the slot of an unfinished task', async () => {
    const sim = await startTestSimulator();
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await createTask(sim));
    expect((await call(sim, `/v1/video/tasks/${ids[0]}`, { method: 'DELETE' })).status).toBe(200);
    await createTask(sim);
    expect(sim.balanceOf(sim.apiKey)).toBe(100_000 - 5 * 200);
  });

  it('frees the slot of a running task at once, refunding nothing and listing it no more', async () => {
    const sim = await startTestSimulator();
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await createTask(sim, { duration_seconds: 10 }));
    await sim.clock.advance(1_000);
    expect((await taskStatus(sim, ids[0]!)).status).toBe('running');
    await expect(createTask(sim)).rejects.toThrow(/create failed: 429/);

    expect((await call(sim, `/v1/video/tasks/${ids[0]}`, { method: 'DELETE' })).status).toBe(200);
    const fifth = await createTask(sim);
    expect(sim.balanceOf(sim.apiKey)).toBe(100_000 - 4 * 400 - 200);
    const listed = await json<{ data: { task_id: string }[] }>(await call(sim, '/v1/video/tasks'));
    expect(listed.data.map((t) => t.task_id).sort()).toEqual([...ids.slice(1), fifth].sort());
  });
});

describe('task visibility', () => {
  it('hides another key’s tasks behind a 404', async () => {
    const sim = await startTestSimulator();
    sim.addKey('sk-air-other', 1_000);
    const id = await createTask(sim);
    for (const [method, path] of [
      ['GET', `/v1/video/tasks/${id}`],
      ['GET', `/v1/video/tasks/${id}/stream`],
      ['DELETE', `/v1/video/tasks/${id}`],
    ] as const) {
      expect((await call(sim, path, { method, key: 'sk-air-other' })).status).toBe(404);
    }
    expect(sim.tasks()).toHaveLength(1);
  });

  it('snapshots every task with its parameters and virtual times', async () => {
    const sim = await startTestSimulator();
    const id = await createTask(sim, {
      model: 'kling-1',
      aspect_ratio: '9:16',
      duration_seconds: 6,
      prompt: 'Rain',
    });
    const [task] = sim.tasks();
    expect(task).toMatchObject({
      id,
      key: sim.apiKey,
      model: 'kling-1',
      prompt: 'Rain',
      status: 'queued',
      mode: 'text',
      durationSeconds: 6,
      aspectRatio: '9:16',
      costCents: 336,
      created: sim.clock.now(),
      expiresAt: sim.clock.now() + day,
      refunded: false,
    });
    // A copy: changing it changes nothing in the simulator.
    if (task) task.status = 'failed';
    expect(sim.tasks()[0]?.status).toBe('queued');
  });
});
