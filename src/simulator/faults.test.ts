import { afterEach, describe, expect, it } from 'vitest';
import type { FaultRoute } from './faults';
import type { Simulator } from './index';
import {
  call,
  closeTestSimulators,
  completedTask,
  createTask,
  defaultRequest,
  json,
  readBytes,
  startTestSimulator,
} from '../../test/support/testSimulator';

afterEach(closeTestSimulators);

/** One request to `route`, for a simulator holding one completed task. */
async function requestFor(
  sim: Simulator,
  route: FaultRoute,
  task: Record<string, unknown>,
  signal?: AbortSignal,
) {
  const id = task.task_id as string;
  const options = signal ? { signal } : {};
  switch (route) {
    case 'models':
      return call(sim, '/v1/models', options);
    case 'create':
      return call(sim, '/v1/video/generations', { body: defaultRequest, ...options });
    case 'get':
      return call(sim, `/v1/video/tasks/${id}`, options);
    case 'list':
      return call(sim, '/v1/video/tasks', options);
    case 'delete':
      return call(sim, `/v1/video/tasks/${id}`, { method: 'DELETE', ...options });
    case 'stream':
      return call(sim, `/v1/video/tasks/${id}/stream`, options);
    case 'cdn':
      return fetch(task.result_url as string, options);
  }
}

const routes: FaultRoute[] = ['models', 'create', 'get', 'list', 'delete', 'stream', 'cdn'];

describe('faults on every route', () => {
  it.each(routes)(
    '%s: answers a given status with Retry-After, for the next N requests only',
    async (route) => {
      const sim = await startTestSimulator();
      const task = await completedTask(sim);
      sim.faults.next(route, { kind: 'status', status: 503, retryAfter: '7' }, 2);
      for (let i = 0; i < 2; i++) {
        const response = await requestFor(sim, route, task);
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('7');
        expect(await response.text()).toContain('503');
      }
      const normal = await requestFor(sim, route, task);
      expect(normal.status).toBe(200);
      await normal.body?.cancel();
      expect(sim.tasks().length).toBe(route === 'create' ? 2 : route === 'delete' ? 0 : 1);
    },
  );

  it.each(routes)('%s: answers a proxy’s HTML 502', async (route) => {
    const sim = await startTestSimulator();
    const task = await completedTask(sim);
    sim.faults.next(route, { kind: 'html' });
    const response = await requestFor(sim, route, task);
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toBe('text/html');
    expect(await response.text()).toContain('<h1>502 Bad Gateway</h1>');
    expect(sim.tasks()).toHaveLength(1);
  });

  it.each(routes)('%s: hangs until the client gives up', async (route) => {
    const sim = await startTestSimulator();
    const task = await completedTask(sim);
    sim.faults.next(route, { kind: 'hang' });
    await expect(requestFor(sim, route, task, AbortSignal.timeout(100))).rejects.toThrow();
    expect(sim.log.at(-1)).toMatchObject({ route, status: 0 });
    expect(sim.tasks()).toHaveLength(1);
  });
});

describe('body and connection faults', () => {
  it('sends a 200 with truncated JSON (malformed-json), after doing the work', async () => {
    const sim = await startTestSimulator();
    sim.faults.next('create', { kind: 'malformed-json' });
    const response = await call(sim, '/v1/video/generations', { body: defaultRequest });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.startsWith('{"task_id":"vid_')).toBe(true);
    expect((): unknown => JSON.parse(text)).toThrow();
    expect(sim.tasks()).toHaveLength(1);
    sim.faults.next('list', { kind: 'malformed-json' });
    await expect(json(await call(sim, '/v1/video/tasks'))).rejects.toThrow();
  });

  it('creates the task, debits it, then resets the connection (reset-after-create)', async () => {
    const sim = await startTestSimulator();
    sim.faults.next('create', { kind: 'reset-after-create' });
    await expect(call(sim, '/v1/video/generations', { body: defaultRequest })).rejects.toThrow(
      TypeError,
    );
    expect(sim.tasks()).toHaveLength(1);
    expect(sim.balanceOf(sim.apiKey)).toBe(100_000 - 200);
    expect(sim.log.at(-1)).toMatchObject({ route: 'create', status: 0 });
    // The task is real: it shows up in the history the app reconciles against.
    const listed = await json<{ data: { task_id: string; prompt: string }[] }>(
      await call(sim, '/v1/video/tasks'),
    );
    expect(listed.data.map((t) => t.task_id)).toEqual([sim.tasks()[0]?.id]);
  });

  it('cuts a download after K bytes (cut)', async () => {
    const sim = await startTestSimulator();
    const task = await completedTask(sim);
    sim.faults.next('cdn', { kind: 'cut', afterBytes: 1_000 });
    const response = await fetch(task.result_url as string);
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(1_000);
    const { bytes, error } = await readBytes(response);
    expect(error).toBe(true);
    expect(bytes.length).toBe(1_000);
    expect((await readBytes(await fetch(task.result_url as string))).error).toBe(false);
  });

  it('serves a download slowly, in real time (slow)', async () => {
    const sim = await startTestSimulator();
    const task = await completedTask(sim);
    const whole = Buffer.from(await (await fetch(task.result_url as string)).arrayBuffer());
    sim.faults.next('cdn', { kind: 'slow', bytesPerSecond: 20_000 });
    const started = performance.now();
    const response = await fetch(task.result_url as string, { headers: { Range: 'bytes=0-3999' } });
    const { bytes, error } = await readBytes(response);
    const elapsed = performance.now() - started;
    expect(error).toBe(false);
    expect(bytes).toEqual(whole.subarray(0, 4_000));
    expect(elapsed).toBeGreaterThanOrEqual(150);
  });

  it('clears queued faults and task failures', async () => {
    const sim = await startTestSimulator();
    sim.faults.next('models', { kind: 'status', status: 500 }, 5);
    sim.faults.failNextTask();
    sim.faults.clear();
    expect((await call(sim, '/v1/models')).status).toBe(200);
    const id = await createTask(sim);
    await sim.clock.advance(6_000);
    expect(sim.tasks().find((t) => t.id === id)?.status).toBe('completed');
  });

  it('queues faults first in, first out', async () => {
    const sim = await startTestSimulator();
    sim.faults.next('models', { kind: 'status', status: 500 });
    sim.faults.next('models', {
      kind: 'status',
      status: 429,
      retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT',
      body: 'slow down',
    });
    expect((await call(sim, '/v1/models')).status).toBe(500);
    const limited = await call(sim, '/v1/models');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(limited.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await limited.text()).toBe('slow down');
  });

  it('refuses a fault on a route it cannot apply to', async () => {
    const sim = await startTestSimulator();
    expect(() => sim.faults.next('get', { kind: 'cut', afterBytes: 1 })).toThrow(/does not apply/);
    expect(() => sim.faults.next('cdn', { kind: 'stream-silent' })).toThrow(/does not apply/);
    expect(() => sim.faults.next('list', { kind: 'reset-after-create' })).toThrow(/does not apply/);
    expect(() => sim.faults.next('models', { kind: 'hang' }, 0)).toThrow(RangeError);
  });
});
