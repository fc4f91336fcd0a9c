import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from './index';
import type { Simulator } from './index';
import {
  call,
  closeTestSimulators,
  completedTask,
  control,
  createTask,
  json,
  startTestSimulator,
  taskStatus,
  testEpoch,
} from '../../test/support/testSimulator';

afterEach(closeTestSimulators);

type State = {
  now: number;
  padBytes: number;
  balances: Record<string, number>;
  tasks: { id: string; status: string }[];
};

describe('control endpoints', () => {
  it('advances the virtual clock and shows the state', async () => {
    const sim = await startTestSimulator();
    const id = await createTask(sim);
    const advanced = await control(sim, '/advance', { ms: 6_000 });
    expect(advanced.status).toBe(200);
    const state = await json<State>(advanced);
    expect(state.now).toBe(testEpoch + 6_000);
    expect(state.tasks).toMatchObject([{ id, status: 'completed' }]);
    expect(await json<State>(await control(sim, '/state'))).toEqual(state);
    expect(state.balances[sim.apiKey]).toBe(100_000 - 200);
    expect((await control(sim, '/advance', { ms: -1 })).status).toBe(400);
  });

  it('adds keys with a balance', async () => {
    const sim = await startTestSimulator();
    expect((await control(sim, '/keys', { key: 'sk-air-e2e', balanceCents: 500 })).status).toBe(
      200,
    );
    await createTask(sim, {}, 'sk-air-e2e');
    expect(sim.balanceOf('sk-air-e2e')).toBe(300);
    expect((await control(sim, '/keys', { key: '' })).status).toBe(400);
  });

  it('queues faults, task failures, and clears them', async () => {
    const sim = await startTestSimulator();
    expect(
      (
        await control(sim, '/faults', {
          route: 'models',
          fault: { kind: 'status', status: 503 },
          times: 2,
        })
      ).status,
    ).toBe(200);
    expect((await call(sim, '/v1/models')).status).toBe(503);
    await control(sim, '/faults/clear', {});
    expect((await call(sim, '/v1/models')).status).toBe(200);

    const error = { type: 'moderation', message: 'Blocked' };
    await control(sim, '/faults/fail-next-task', { error });
    const id = await createTask(sim);
    await sim.clock.advance(6_000);
    expect(await taskStatus(sim, id)).toMatchObject({ status: 'failed', error });

    for (const bad of [
      { route: 'nowhere', fault: { kind: 'hang' } },
      { route: 'get', fault: { kind: 'cut', afterBytes: 5 } },
      {},
    ]) {
      const response = await control(sim, '/faults', bad);
      expect(response.status).toBe(400);
      expect(await json(response)).toMatchObject({ error: { type: 'invalid_request_error' } });
    }
  });

  it('fails and expires tasks', async () => {
    const sim = await startTestSimulator();
    const failing = await createTask(sim);
    const expiring = await createTask(sim);
    await control(sim, `/tasks/${failing}/fail`, { error: { type: 'oops', message: 'Broke' } });
    await control(sim, `/tasks/${expiring}/expire`, {});
    expect(await taskStatus(sim, failing)).toMatchObject({
      status: 'failed',
      error: { type: 'oops', message: 'Broke' },
    });
    expect((await taskStatus(sim, expiring)).status).toBe('expired');
    expect(sim.balanceOf(sim.apiKey)).toBe(100_000);
    const unknown = await control(sim, '/tasks/vid_NOPE/fail', {});
    expect(unknown.status).toBe(400);
    expect((await json<{ error: { message: string } }>(unknown)).error.message).toMatch(/No task/);
  });

  it('sets the padding', async () => {
    const sim = await startTestSimulator();
    const task = await completedTask(sim);
    await control(sim, '/pad', { bytes: 123_456 });
    expect(
      (await fetch(task.result_url as string, { method: 'HEAD' })).headers.get('content-length'),
    ).toBe('123456');
  });

  it('answers 404 for an unknown control endpoint and 400 for a bad body', async () => {
    const sim = await startTestSimulator();
    expect((await control(sim, '/reboot', {})).status).toBe(404);
    expect(
      (await fetch(`${sim.apiBase}/__sim/advance`, { method: 'POST', body: '{' })).status,
    ).toBe(400);
  });
});

describe('request log', () => {
  it('records every API and CDN request with its route, status, times and key, but no control request', async () => {
    const sim = await startTestSimulator();
    await sim.clock.advance(1_000);
    await call(sim, '/v1/models', { key: null });
    await call(sim, '/v1/models', { key: 'sk-air-wrong' });
    const task = await completedTask(sim);
    await fetch(task.result_url as string);
    await call(sim, '/v1/nothing');
    await control(sim, '/state');

    const entries = (await json<{ data: Simulator['log'] }>(await control(sim, '/log'))).data;
    expect(entries).toEqual(sim.log);
    expect(entries.map((e) => [e.method, e.route, e.status, e.authorized, e.key])).toEqual([
      ['GET', 'models', 401, false, undefined],
      ['GET', 'models', 401, true, undefined],
      ['POST', 'create', 200, true, sim.apiKey],
      ['GET', 'get', 200, true, sim.apiKey],
      ['GET', 'cdn', 200, false, undefined],
      ['GET', 'unknown', 404, true, sim.apiKey],
    ]);
    expect(entries[0]?.at).toBe(testEpoch + 1_000);
    expect(entries[4]?.at).toBe(testEpoch + 7_000);
    expect(entries[4]?.path).toBe(new URL(task.result_url as string).pathname);
    expect(Math.abs((entries[0]?.realAt ?? 0) - Date.now())).toBeLessThan(10_000);
  });
});

describe('startup', () => {
  it('refuses a port in use, and a speed that is not positive', async () => {
    const sim = await startTestSimulator();
    const apiPort = Number(new URL(sim.apiBase).port);
    const cdnPort = Number(new URL(sim.cdnBase).port);
    await expect(startSimulator({ port: apiPort })).rejects.toThrow(/EADDRINUSE/);
    await expect(startSimulator({ port: 0, cdnPort })).rejects.toThrow(/EADDRINUSE/);
    await expect(startSimulator({ speed: 0 })).rejects.toThrow(RangeError);
  });
});
