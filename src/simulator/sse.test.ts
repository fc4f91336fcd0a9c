import { afterEach, describe, expect, it, vi } from 'vitest';
import { promptFailure } from './routes/video';
import {
  call,
  closeTestSimulators,
  createTask,
  fastTaskMs,
  readSse,
  startTestSimulator,
  taskStatus,
} from '../../test/support/testSimulator';
import type { Simulator } from './index';

afterEach(closeTestSimulators);

const stream = (sim: Simulator, id: string, signal?: AbortSignal) =>
  call(sim, `/v1/video/tasks/${id}/stream`, signal ? { signal } : {});

/** Resolves 'open' if the stream is still open after `ms` of real time. */
const stillOpenAfter = (ended: Promise<string>, ms: number) =>
  Promise.race([ended, new Promise<string>((resolve) => setTimeout(() => resolve('open'), ms))]);

describe('GET /v1/video/tasks/{id}/stream', () => {
  it('sends the current state, one event per change, then completed, and closes', async () => {
    const sim = await startTestSimulator();
    const id = await createTask(sim);
    const response = await stream(sim, id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const sse = readSse(response);
    await sse.waitFor(1);
    expect(sse.events[0]).toEqual({ event: 'progress', data: await taskStatus(sim, id) });

    await sim.clock.advance(fastTaskMs);
    expect(await sse.ended).toBe('closed');
    const names = sse.events.map((e) => e.event);
    expect(names.at(-1)).toBe('completed');
    expect(names.slice(0, -1).every((name) => name === 'progress')).toBe(true);
    const running = sse.events
      .filter((e) => e.data.status === 'running')
      .map((e) => e.data.progress as number);
    expect(running[0]).toBe(0);
    expect(running.length).toBeGreaterThan(3);
    // Strictly rising: an event only when progress changed.
    running.forEach(
      (progress, i) => i > 0 && expect(progress).toBeGreaterThan(running[i - 1] ?? -1),
    );
    expect(sse.events.at(-1)?.data).toEqual(await taskStatus(sim, id));
  });

  it('has pushed every due event by the time clock.advance resolves', async () => {
    const sim = await startTestSimulator();
    const id = await createTask(sim);
    const sse = readSse(await stream(sim, id));
    await sse.waitFor(1);
    await sim.clock.advance(1_000);
    expect(
      await Promise.race([sse.waitFor(2).then(() => 'arrived'), stillOpenAfter(sse.ended, 500)]),
    ).toBe('arrived');
    expect(sse.events[1]?.data).toMatchObject({ status: 'running' });
  });

  it('answers a finished task with its terminal event and closes', async () => {
    const sim = await startTestSimulator();
    const id = await createTask(sim);
    await sim.clock.advance(fastTaskMs);
    const sse = readSse(await stream(sim, id));
    expect(await sse.ended).toBe('closed');
    expect(sse.events.map((e) => e.event)).toEqual(['completed']);
  });

  it('names failure and expiry events failed and expired', async () => {
    const sim = await startTestSimulator();
    const failing = await createTask(sim, { prompt: 'Fog [fail]' });
    const expiring = await createTask(sim);
    const failed = readSse(await stream(sim, failing));
    const expired = readSse(await stream(sim, expiring));
    await Promise.all([failed.waitFor(1), expired.waitFor(1)]);
    await sim.clock.advance(1_000);
    sim.expireTask(expiring);
    await sim.clock.advance(fastTaskMs);
    expect(await failed.ended).toBe('closed');
    expect(await expired.ended).toBe('closed');
    expect(failed.events.at(-1)).toMatchObject({
      event: 'failed',
      data: { status: 'failed', error: promptFailure },
    });
    expect(expired.events.at(-1)).toMatchObject({ event: 'expired', data: { status: 'expired' } });
  });

  it('ends the stream of a deleted task without a terminal event', async () => {
    const sim = await startTestSimulator();
    const id = await createTask(sim);
    const sse = readSse(await stream(sim, id));
    await sse.waitFor(1);
    await call(sim, `/v1/video/tasks/${id}`, { method: 'DELETE' });
    expect(await sse.ended).toBe('closed');
    expect(sse.events.map((e) => e.data.status)).toEqual(['queued']);
  });

  it('drops the connection after K events when told to (stream-drop)', async () => {
    const sim = await startTestSimulator();
    const id = await createTask(sim);
    sim.faults.next('stream', { kind: 'stream-drop', afterEvents: 2 });
    const sse = readSse(await stream(sim, id));
    await sim.clock.advance(fastTaskMs);
    expect(await sse.ended).toBe('error');
    expect(sse.events).toHaveLength(2);
    expect((await taskStatus(sim, id)).status).toBe('completed');

    sim.faults.next('stream', { kind: 'stream-drop', afterEvents: 0 });
    const immediate = await stream(sim, await createTask(sim));
    expect(immediate.status).toBe(200);
    const dropped = readSse(immediate);
    expect(await dropped.ended).toBe('error');
    expect(dropped.events).toEqual([]);
  });

  it('keeps a silent stream open and sends nothing (stream-silent)', async () => {
    const sim = await startTestSimulator();
    const id = await createTask(sim);
    sim.faults.next('stream', { kind: 'stream-silent' });
    const abort = new AbortController();
    const sse = readSse(await stream(sim, id, abort.signal));
    await sim.clock.advance(fastTaskMs);
    expect(await stillOpenAfter(sse.ended, 150)).toBe('open');
    expect(sse.events).toEqual([]);
    abort.abort();
    expect(await sse.ended).toBe('error');
  });

  it('runs on its own in real time when auto-ticking, and stops ticking when idle', async () => {
    const started = vi.spyOn(globalThis, 'setInterval');
    const clear = globalThis.clearInterval;
    let idle = () => {};
    const wentIdle = new Promise<void>((resolve) => (idle = resolve));
    const stopped = vi
      .spyOn(globalThis, 'clearInterval')
      .mockImplementation((id?: string | number | NodeJS.Timeout) => {
        clear(id);
        if (id !== undefined && id === started.mock.results[0]?.value) idle();
      });
    try {
      const sim = await startTestSimulator({ autoTick: true, speed: 40 });
      expect(started).not.toHaveBeenCalled();
      const id = await createTask(sim);
      expect(started).toHaveBeenCalledTimes(1);
      const sse = readSse(await stream(sim, id));
      expect(await sse.ended).toBe('closed');
      expect(sse.events.at(-1)?.event).toBe('completed');
      expect(sse.events.length).toBeGreaterThan(3);
      await wentIdle;
      expect(started).toHaveBeenCalledTimes(1);
      expect(stopped).toHaveBeenCalledWith(started.mock.results[0]?.value);
    } finally {
      started.mockRestore();
      stopped.mockRestore();
    }
  });

  it('closes open streams when the simulator closes', async () => {
    const sim = await startTestSimulator();
    const sse = readSse(await stream(sim, await createTask(sim)));
    await sse.waitFor(1);
    await sim.close();
    expect(await sse.ended).toBe('error');
  });
});
