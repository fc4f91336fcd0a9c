import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from './index';
import {
  call,
  closeTestSimulators,
  completedTask,
  createTask,
  fastTaskMs,
  json,
  readSse,
  startTestSimulator,
  taskStatus,
} from '../../test/support/testSimulator';

afterEach(closeTestSimulators);

const day = 86_400_000;

/** A completed task, then the clock moved past its `expires_at`. */
async function pastExpiry(sim: Simulator) {
  const done = await completedTask(sim);
  await sim.clock.advance(day);
  return done;
}

const listed = async (sim: Simulator, query = '') =>
  (await json<{ data: Record<string, unknown>[] }>(await call(sim, `/v1/video/tasks${query}`)))
    .data;

async function firstEvent(sim: Simulator, id: string) {
  const sse = readSse(await call(sim, `/v1/video/tasks/${id}/stream`));
  expect(await sse.ended).toBe('closed');
  return sse.events;
}

async function expectDeadLink(url: string) {
  const response = await fetch(url);
  expect(response.status).toBe(403);
  expect(response.headers.get('content-type')).toBe('application/xml');
  const text = await response.text();
  expect(text).toContain('<Code>AccessDenied</Code>');
  expect(text).toContain('<Message>Request has expired</Message>');
}

describe("statusAfterExpiry: 'expired' (default)", () => {
  it('reports a completed task past expires_at as expired everywhere, without links', async () => {
    const sim = await startTestSimulator();
    const done = await pastExpiry(sim);
    const id = done.task_id as string;
    const status = await taskStatus(sim, id);
    expect(status).toMatchObject({ status: 'expired', progress: 100, cost_cents: 200 });
    expect(status).not.toHaveProperty('result_url');
    expect(status).not.toHaveProperty('thumbnail_url');
    expect((await listed(sim, '?status=expired')).map((t) => t.task_id)).toEqual([id]);
    expect(await listed(sim, '?status=completed')).toEqual([]);
    expect(await firstEvent(sim, id)).toEqual([{ event: 'expired', data: status }]);
    await expectDeadLink(done.result_url as string);
    expect(sim.balanceOf(sim.apiKey)).toBe(100_000 - 200);
  });
});

describe("statusAfterExpiry: 'completed'", () => {
  it('keeps reporting completed with links, while the CDN refuses them', async () => {
    const sim = await startTestSimulator({ statusAfterExpiry: 'completed' });
    const done = await completedTask(sim);
    const id = done.task_id as string;
    await sim.clock.advance(day - fastTaskMs - 1_000);
    expect((await fetch(done.result_url as string)).status).toBe(200);
    await sim.clock.advance(1_000);

    const status = await taskStatus(sim, id);
    expect(status).toEqual(done);
    expect(status).toMatchObject({ status: 'completed', progress: 100, cost_cents: 200 });
    await expectDeadLink(status.result_url as string);
    await expectDeadLink(status.thumbnail_url as string);

    expect(await listed(sim)).toMatchObject([{ task_id: id, status: 'completed' }]);
    expect((await listed(sim, '?status=completed')).map((t) => t.task_id)).toEqual([id]);
    expect(await listed(sim, '?status=expired')).toEqual([]);
    expect(await firstEvent(sim, id)).toEqual([{ event: 'completed', data: status }]);
    // Not refunded: the clip was delivered and downloadable for a day.
    expect(sim.balanceOf(sim.apiKey)).toBe(100_000 - 200);
    expect(sim.tasks()[0]).toMatchObject({ status: 'expired', refunded: false });
  });

  it('kills the links of a task expired early with expireTask, still saying completed', async () => {
    const sim = await startTestSimulator({ statusAfterExpiry: 'completed' });
    const done = await completedTask(sim);
    sim.expireTask(done.task_id as string);
    const status = await taskStatus(sim, done.task_id as string);
    expect(status).toMatchObject({
      status: 'completed',
      expires_at: Math.floor(sim.clock.now() / 1000),
    });
    await expectDeadLink(done.result_url as string);
    await expectDeadLink(status.result_url as string);
  });

  it('still reports expired, refunded, a task that expired before completing; failed stays failed', async () => {
    const sim = await startTestSimulator({ statusAfterExpiry: 'completed' });
    const running = await createTask(sim);
    const failing = await createTask(sim, { prompt: 'x [fail]' });
    await sim.clock.advance(1_500);
    sim.expireTask(running);
    await sim.clock.advance(day);
    const expired = await taskStatus(sim, running);
    expect(expired).toMatchObject({ status: 'expired', cost_cents: 0 });
    expect(expired).not.toHaveProperty('result_url');
    expect(await taskStatus(sim, failing)).toMatchObject({ status: 'failed', cost_cents: 0 });
    expect(sim.balanceOf(sim.apiKey)).toBe(100_000);
  });

  it('switches at run time, both ways', async () => {
    const sim = await startTestSimulator();
    const done = await pastExpiry(sim);
    const id = done.task_id as string;
    expect((await taskStatus(sim, id)).status).toBe('expired');
    sim.configure({ statusAfterExpiry: 'completed' });
    expect((await taskStatus(sim, id)).status).toBe('completed');
    sim.configure({ statusAfterExpiry: 'expired' });
    expect((await taskStatus(sim, id)).status).toBe('expired');
  });
});
