import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from './index';
import {
  call,
  closeTestSimulators,
  createTask,
  fastTaskMs,
  json,
  readSse,
  startTestSimulator,
  taskStatus,
} from '../../test/support/testSimulator';
import { anyOfType } from '../../test/support/matchers';

afterEach(closeTestSimulators);

const documentedOrder = [
  'task_id',
  'status',
  'model',
  'progress',
  'duration_seconds',
  'expires_at',
  'cost_cents',
  'result_url',
  'thumbnail_url',
  'error',
];

const listed = async (sim: Simulator) =>
  (await json<{ data: Record<string, unknown>[] }>(await call(sim, '/v1/video/tasks'))).data;

describe('nulls: true', () => {
  it('sends every optional field it leaves out as null, in REST answers and the list', async () => {
    const sim = await startTestSimulator({ nulls: true });
    const id = await createTask(sim);
    const failing = await createTask(sim, { prompt: 'x [fail]' });
    const queued = await taskStatus(sim, id);
    expect(Object.keys(queued)).toEqual(documentedOrder);
    expect(queued).toMatchObject({
      status: 'queued',
      progress: null,
      result_url: null,
      thumbnail_url: null,
      error: null,
    });
    expect(await listed(sim)).toEqual([await taskStatus(sim, failing), queued]);

    await sim.clock.advance(1_500);
    expect(await taskStatus(sim, id)).toMatchObject({
      status: 'running',
      progress: anyOfType(Number),
      result_url: null,
      error: null,
    });
    await sim.clock.advance(fastTaskMs);
    const done = await taskStatus(sim, id);
    expect(done).toMatchObject({
      status: 'completed',
      result_url: anyOfType(String),
      error: null,
    });
    expect(await taskStatus(sim, failing)).toMatchObject({
      status: 'failed',
      result_url: null,
      thumbnail_url: null,
      error: { type: 'generation_failed' },
    });
  });

  it('sends the same nulls on the SSE stream', async () => {
    const sim = await startTestSimulator({ nulls: true });
    const id = await createTask(sim);
    const sse = readSse(await call(sim, `/v1/video/tasks/${id}/stream`));
    await sse.waitFor(1);
    await sim.clock.advance(fastTaskMs);
    expect(await sse.ended).toBe('closed');
    expect(sse.events[0]?.data).toMatchObject({ progress: null, result_url: null, error: null });
    for (const { data } of sse.events) expect(Object.keys(data)).toEqual(documentedOrder);
    expect(sse.events.at(-1)).toEqual({ event: 'completed', data: await taskStatus(sim, id) });
  });

  it('is off by default (fields are left out) and switches at run time', async () => {
    const sim = await startTestSimulator();
    const id = await createTask(sim);
    const plain = await call(sim, `/v1/video/tasks/${id}`);
    expect(await plain.text()).not.toContain('null');
    expect(await taskStatus(sim, id)).not.toHaveProperty('progress');
    sim.configure({ nulls: true });
    expect(await taskStatus(sim, id)).toHaveProperty('progress', null);
  });
});
