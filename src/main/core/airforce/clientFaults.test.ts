import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import { createAirforceClient } from './client';
import { apiErrorOf, prompt, useSimulatorClient } from '../../../../test/support/clientFixture';

/** The retry policy and every fault the simulator can inject, over real HTTP. */
describe('AirforceApi when things go wrong', () => {
  const f = useSimulatorClient();
  const request = { model: 'veo-lite', prompt };

  it.each([500, 502, 503, 504, 408])(
    'retries a read after HTTP %i and then succeeds',
    async (status) => {
      f.sim.faults.next('models', { kind: 'status', status }, 2);
      expect(await f.client.listModels(f.key)).toHaveLength(4);
      expect(f.requests('models')).toBe(3);
      // Full jitter with random() = 0.5: half of 1 s, then half of 2 s.
      expect(f.delays).toEqual([500, 1000]);
    },
  );

  it('retries every idempotent call: get, list and delete', async () => {
    const { task_id } = await f.client.createVideo(f.key, request);
    for (const route of ['get', 'list', 'delete'] as const)
      f.sim.faults.next(route, { kind: 'status', status: 503 });
    await expect(f.client.getTask(f.key, task_id)).resolves.toMatchObject({ task_id });
    await expect(f.client.listTasks(f.key)).resolves.toHaveLength(1);
    await f.client.deleteTask(f.key, task_id);
    expect([f.requests('get'), f.requests('list'), f.requests('delete')]).toEqual([2, 2, 2]);
    expect(f.sim.tasks()).toHaveLength(0);
  });

  it('takes a delete that finds the task gone on a retry as done', async () => {
    // The first attempt's answer is lost; whatever it did, the task no longer exists.
    f.sim.faults.next('delete', { kind: 'status', status: 502 });
    await expect(f.client.deleteTask(f.key, 'vid_GONE')).resolves.toBeUndefined();
    expect(f.requests('delete')).toBe(2);
  });

  it('gives up after the last attempt with the server’s error', async () => {
    f.sim.faults.next('get', { kind: 'status', status: 500 }, 10);
    const error = await apiErrorOf(f.client.getTask(f.key, 'vid_01'));
    expect(error).toEqual({ kind: 'server', status: 500, message: 'Simulated 500 (HTTP 500)' });
    expect(f.requests('get')).toBe(4);
    expect(f.delays).toEqual([500, 1000, 2000]);
  });

  it('makes attempts and delays configurable', async () => {
    f.sim.faults.next('list', { kind: 'status', status: 503 }, 10);
    const client = f.clientWith({
      retry: { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 300 },
      random: () => 0.999,
    });
    await apiErrorOf(client.listTasks(f.key));
    expect(f.requests('list')).toBe(6);
    expect(f.delays).toEqual([99, 199, 299, 299, 299]);
  });

  it('waits as long as Retry-After says, in seconds or as an HTTP date', async () => {
    const inTwelveSeconds = new Date(Date.now() + 12_000).toUTCString();
    f.sim.faults.next('list', { kind: 'status', status: 503, retryAfter: '3' });
    f.sim.faults.next('list', { kind: 'status', status: 429, retryAfter: inTwelveSeconds });
    await f.client.listTasks(f.key);
    expect(f.delays[0]).toBe(3000);
    expect(f.delays[1]).toBeGreaterThan(10_000);
    expect(f.delays[1]).toBeLessThanOrEqual(12_000);
  });

  it('hands back a Retry-After longer than the longest wait instead of sleeping through it', async () => {
    f.sim.faults.next('get', { kind: 'status', status: 429, retryAfter: '120' });
    expect(await apiErrorOf(f.client.getTask(f.key, 'vid_01'))).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: 120_000,
      message: 'Simulated 429 (HTTP 429); try again in 120 s',
    });
    expect(f.requests('get')).toBe(1);
  });

  it.each([400, 401, 402, 403, 404, 409, 422])('never retries HTTP %i', async (status) => {
    f.sim.faults.next('models', { kind: 'status', status }, 5);
    await apiErrorOf(f.client.listModels(f.key));
    expect(f.requests('models')).toBe(1);
  });

  it('times out a hanging request, retries a read, and then succeeds', async () => {
    f.sim.faults.next('list', { kind: 'hang' });
    const client = f.clientWith({ timeoutMs: 100 });
    await expect(client.listTasks(f.key)).resolves.toEqual([]);
    expect(f.requests('list')).toBe(2);
  });

  it('reports a request that keeps hanging as a network error that may have been sent', async () => {
    f.sim.faults.next('get', { kind: 'hang' }, 4);
    const error = await apiErrorOf(f.clientWith({ timeoutMs: 100 }).getTask(f.key, 'vid_01'));
    expect(error).toEqual({
      kind: 'network',
      maybeSent: true,
      message: 'No answer from 127.0.0.1:' + new URL(f.sim.apiBase).port + ' within 0.1 s',
    });
  });

  it('never repeats a create that timed out', async () => {
    f.sim.faults.next('create', { kind: 'hang' });
    const error = await apiErrorOf(f.clientWith({ timeoutMs: 100 }).createVideo(f.key, request));
    expect(error).toMatchObject({ kind: 'network', maybeSent: true });
    expect(f.requests('create')).toBe(1);
  });

  it('never repeats a create whose connection was reset after the task was made', async () => {
    f.sim.faults.next('create', { kind: 'reset-after-create' });
    const error = await apiErrorOf(f.client.createVideo(f.key, request));
    expect(error).toMatchObject({ kind: 'network', maybeSent: true });
    expect(f.requests('create')).toBe(1);
    expect(f.sim.tasks()).toHaveLength(1);
  });

  it.each([500, 503])('never repeats a create answered with HTTP %i', async (status) => {
    f.sim.faults.next('create', { kind: 'status', status });
    expect(await apiErrorOf(f.client.createVideo(f.key, request))).toMatchObject({
      kind: 'server',
      status,
    });
    expect(f.requests('create')).toBe(1);
  });

  it('repeats a create refused with 429, which was never created', async () => {
    f.sim.faults.next('create', { kind: 'status', status: 429, retryAfter: '2' });
    await expect(f.client.createVideo(f.key, request)).resolves.toMatchObject({ status: 'queued' });
    expect(f.delays).toEqual([2000]);
    expect(f.sim.tasks()).toHaveLength(1);
  });

  it('reads malformed JSON as a bad response, without retrying', async () => {
    f.sim.faults.next('models', { kind: 'malformed-json' });
    const error = await apiErrorOf(f.client.listModels(f.key));
    expect(error).toMatchObject({ kind: 'bad-response', status: 200 });
    expect(error.message).toMatch(
      /^The server's answer could not be read: expected JSON, got “\{"object":"list"/,
    );
    expect(f.requests('models')).toBe(1);
  });

  it('shows the title of a proxy’s HTML error page', async () => {
    f.sim.faults.next('create', { kind: 'html' });
    expect(await apiErrorOf(f.client.createVideo(f.key, request))).toEqual({
      kind: 'server',
      status: 502,
      message: '502 Bad Gateway (HTTP 502)',
    });
  });

  it('shows a plain-text or empty error body readably', async () => {
    f.sim.faults.next('get', { kind: 'status', status: 418, body: 'I am a teapot\n' });
    f.sim.faults.next('get', { kind: 'status', status: 400, body: '' });
    expect((await apiErrorOf(f.client.getTask(f.key, 'vid_01'))).message).toBe(
      'I am a teapot (HTTP 418)',
    );
    expect((await apiErrorOf(f.client.getTask(f.key, 'vid_01'))).message).toBe(
      'Bad Request (HTTP 400)',
    );
  });

  it('takes the field from the message when the server gives no param', async () => {
    const body = JSON.stringify({
      error: { type: 'invalid_request_error', message: "'aspect_ratio' is not supported" },
    });
    f.sim.faults.next('create', { kind: 'status', status: 422, body });
    expect(await apiErrorOf(f.client.createVideo(f.key, request))).toMatchObject({
      field: 'aspect_ratio',
    });
  });

  it('rethrows the caller’s abort as it is, and stops retrying', async () => {
    f.sim.faults.next('get', { kind: 'hang' });
    const controller = new AbortController();
    const call = f.client.getTask(f.key, 'vid_01', controller.signal);
    setTimeout(() => controller.abort(new Error('job cancelled')), 20);
    await expect(call).rejects.toThrow('job cancelled');
    expect(f.requests('get')).toBe(1);
  });
});

describe('AirforceApi when the server is not there', () => {
  it('repeats a create whose connection was refused, and it then goes through', async () => {
    const first = await startSimulator({ autoTick: false, seed: 11 });
    const { port } = new URL(first.apiBase);
    await first.close();
    let second: Simulator | undefined;
    const client = createAirforceClient({
      apiBase: first.apiBase,
      random: () => 0.5,
      // The server comes (back) up while the client waits.
      sleep: async () =>
        void (second ??= await startSimulator({ autoTick: false, seed: 11, port: Number(port) })),
    });
    try {
      await expect(
        client.createVideo(first.apiKey, { model: 'veo-lite', prompt }),
      ).resolves.toMatchObject({ status: 'queued' });
      expect(second?.tasks()).toHaveLength(1);
    } finally {
      await second?.close();
    }
  });

  it('reports a refused connection as never sent', async () => {
    const sim = await startSimulator({ autoTick: false });
    await sim.close();
    const delays: number[] = [];
    const client = createAirforceClient({
      apiBase: sim.apiBase,
      sleep: (ms) => {
        delays.push(ms);
        return Promise.resolve();
      },
    });
    expect(await apiErrorOf(client.createVideo(sim.apiKey, { model: 'veo-lite', prompt }))).toEqual(
      {
        kind: 'network',
        maybeSent: false,
        message: `Could not connect to ${new URL(sim.apiBase).host} (ECONNREFUSED)`,
      },
    );
    expect(delays).toHaveLength(3);
  });
});
