import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  closeTestSimulators,
  createTask,
  fastTaskMs,
  json,
  startTestSimulator,
  testEpoch,
} from '../../test/support/testSimulator';
import type { Simulator } from './index';

afterEach(closeTestSimulators);

type TaskList = { object: string; data: ({ task_id: string } & Record<string, unknown>)[] };

const list = async (sim: Simulator, query = '', key?: string) =>
  json<TaskList>(await call(sim, `/v1/video/tasks${query}`, key ? { key } : {}));

/** Creates `count` tasks, finishing each batch of four so the concurrency limit never bites. */
async function createMany(sim: Simulator, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(await createTask(sim, { prompt: `Shot ${i}` }));
    if (ids.length % 4 === 0) await sim.clock.advance(fastTaskMs);
  }
  return ids;
}

describe('GET /v1/video/tasks', () => {
  it('lists the key’s tasks newest first, each exactly in the status shape', async () => {
    const sim = await startTestSimulator();
    const first = await createTask(sim, { prompt: 'First' });
    await sim.clock.advance(fastTaskMs);
    const second = await createTask(sim, { prompt: 'Second' });
    const third = await createTask(sim, { prompt: 'Third' });
    sim.addKey('sk-air-other', 1_000);
    await createTask(sim, {}, 'sk-air-other');

    const body = await list(sim);
    expect(body.object).toBe('list');
    expect(body.data.map((t) => t.task_id)).toEqual([third, second, first]);
    for (const item of body.data)
      expect(item).toEqual(await json(await call(sim, `/v1/video/tasks/${item.task_id}`)));
  });

  it("adds prompt and created with listItems: 'with-prompt'", async () => {
    const sim = await startTestSimulator({ listItems: 'with-prompt' });
    const first = await createTask(sim, { prompt: 'First' });
    const status = await json(await call(sim, `/v1/video/tasks/${first}`));
    const expected = { ...status, prompt: 'First', created: Math.floor(testEpoch / 1000) };
    expect((await list(sim)).data).toEqual([expected]);
    sim.configure({ listItems: 'documented' });
    expect((await list(sim)).data).toEqual([status]);
  });

  it('returns 50 by default, clamps limit to 1–200, and rejects a non-integer limit', async () => {
    const sim = await startTestSimulator({ startBalanceCents: 1_000_000 });
    const ids = await createMany(sim, 203);
    const newest = [...ids].reverse();
    expect((await list(sim)).data.map((t) => t.task_id)).toEqual(newest.slice(0, 50));
    expect((await list(sim, '?limit=3')).data.map((t) => t.task_id)).toEqual(newest.slice(0, 3));
    expect((await list(sim, '?limit=0')).data).toHaveLength(1);
    expect((await list(sim, '?limit=-5')).data).toHaveLength(1);
    expect((await list(sim, '?limit=1000')).data).toHaveLength(200);
    for (const bad of ['abc', '2.5', '']) {
      const response = await call(sim, `/v1/video/tasks?limit=${bad}`);
      expect(response.status).toBe(400);
      expect(await json(response)).toMatchObject({
        error: { type: 'invalid_request_error', param: 'limit' },
      });
    }
  });

  it('filters by status, and rejects an unknown status', async () => {
    const sim = await startTestSimulator();
    const done = await createTask(sim);
    const failed = await createTask(sim, { prompt: 'x [fail]' });
    await sim.clock.advance(fastTaskMs);
    const queued = await createTask(sim);
    expect((await list(sim, '?status=completed')).data.map((t) => t.task_id)).toEqual([done]);
    expect((await list(sim, '?status=failed')).data.map((t) => t.task_id)).toEqual([failed]);
    expect((await list(sim, '?status=queued&limit=10')).data.map((t) => t.task_id)).toEqual([
      queued,
    ]);
    expect((await list(sim, '?status=expired')).data).toEqual([]);
    const response = await call(sim, '/v1/video/tasks?status=done');
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ error: { param: 'status' } });
  });
});

describe('GET /v1/video/tasks: what the docs leave open', () => {
  it('shows a task only listLagMs after its creation (exact ms), in every filter', async () => {
    const sim = await startTestSimulator({ listLagMs: 2_000 });
    await sim.clock.advance(1_500);
    const id = await createTask(sim);
    expect((await call(sim, `/v1/video/tasks/${id}`)).status).toBe(200);
    await sim.clock.advance(1_999);
    expect((await list(sim)).data).toEqual([]);
    expect((await list(sim, '?status=running')).data).toEqual([]);
    await sim.clock.advance(1);
    expect((await list(sim)).data.map((t) => t.task_id)).toEqual([id]);

    const late = await createTask(sim);
    expect((await list(sim)).data.map((t) => t.task_id)).toEqual([id]);
    sim.configure({ listLagMs: 0 });
    expect((await list(sim)).data.map((t) => t.task_id)).toEqual([late, id]);
  });

  it.each([
    ['data', (items: unknown[]) => ({ object: 'list', data: items })],
    ['bare', (items: unknown[]) => items],
    ['tasks', (items: unknown[]) => ({ tasks: items })],
    ['items', (items: unknown[]) => ({ items })],
    ['unrecognised', (items: unknown[]) => ({ object: 'list', results_v2: { rows: items } })],
  ] as const)('wraps the items per listEnvelope: %s', async (listEnvelope, wrap) => {
    const sim = await startTestSimulator({ listEnvelope });
    const id = await createTask(sim);
    const status = await json(await call(sim, `/v1/video/tasks/${id}`));
    const response = await call(sim, '/v1/video/tasks');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual(wrap([status]));
  });
});
