import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VideoTask } from '../../../shared/api/schemas';
import {
  advanceUntil,
  apiErrorOf,
  prompt,
  useSimulatorClient,
} from '../../../../test/support/clientFixture';
import type { StreamOptions } from './types';
import { stringMatching } from '../../../../test/support/matchers';

/** The progress stream, and where the key may and may not go, over real HTTP. */
describe('AirforceApi progress stream', () => {
  const f = useSimulatorClient();
  const request = { model: 'veo-lite', prompt };

  function follow(taskId: string, options: Partial<StreamOptions> = {}, client = f.client) {
    const events: [string, VideoTask][] = [];
    const end = client.streamTask(f.key, taskId, {
      onEvent: (task, name) => events.push([name, task]),
      ...options,
    });
    return { events, end };
  }

  const streamOpened = () =>
    vi.waitFor(() =>
      expect(f.sim.log.some((entry) => entry.route === 'stream' && entry.status === 200)).toBe(
        true,
      ),
    );

  it('reports each progress event and ends with the completed task', async () => {
    const { task_id } = await f.client.createVideo(f.key, request);
    const { events, end } = follow(task_id);
    await streamOpened();
    await advanceUntil(f.sim, end);
    const result = await end;
    expect(result).toMatchObject({
      kind: 'terminal',
      task: { task_id, status: 'completed', progress: 100 },
    });
    expect(events[0]?.[0]).toBe('progress');
    expect(events.at(-1)?.[0]).toBe('completed');
    const progress = events.flatMap(([, task]) =>
      task.progress === undefined ? [] : [task.progress],
    );
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('ends with the failed task and its error', async () => {
    const { task_id } = await f.client.createVideo(f.key, { ...request, prompt: 'a scene [fail]' });
    const { end } = follow(task_id);
    await streamOpened();
    await advanceUntil(f.sim, end);
    expect(await end).toMatchObject({
      kind: 'terminal',
      task: { status: 'failed', error: { type: 'generation_failed' } },
    });
  });

  it('ends with a task failed or expired while it is followed', async () => {
    const failing = await f.client.createVideo(f.key, request);
    const expiring = await f.client.createVideo(f.key, request);
    const failed = follow(failing.task_id);
    const expired = follow(expiring.task_id);
    await vi.waitFor(() =>
      expect(
        f.sim.log.filter((entry) => entry.route === 'stream' && entry.status === 200),
      ).toHaveLength(2),
    );
    f.sim.failTask(failing.task_id, { type: 'content_policy', message: 'Refused' });
    f.sim.expireTask(expiring.task_id);
    await f.sim.clock.advance(0);
    expect(await failed.end).toMatchObject({
      kind: 'terminal',
      task: { status: 'failed', error: { message: 'Refused' } },
    });
    expect(await expired.end).toMatchObject({ kind: 'terminal', task: { status: 'expired' } });
  });

  it('tells the caller when the stream drops before the end', async () => {
    const { task_id } = await f.client.createVideo(f.key, request);
    f.sim.faults.next('stream', { kind: 'stream-drop', afterEvents: 2 });
    const { events, end } = follow(task_id);
    await streamOpened();
    await advanceUntil(f.sim, end);
    expect(await end).toMatchObject({ kind: 'ended-early' });
    // Events already on the wire when the socket drops may still arrive; none is the end.
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events.every(([, task]) => task.status === 'queued' || task.status === 'running')).toBe(
      true,
    );
  });

  it('gives up on a stream that stays silent', async () => {
    const { task_id } = await f.client.createVideo(f.key, request);
    f.sim.faults.next('stream', { kind: 'stream-silent' });
    const { events, end } = follow(task_id, { idleTimeoutMs: 100 });
    expect(await end).toEqual({ kind: 'ended-early', reason: 'No event for 0.1 s' });
    expect(events).toEqual([]);
  });

  it.each([
    [{ kind: 'status', status: 503 } as const, 'Simulated 503 (HTTP 503)'],
    [{ kind: 'html' } as const, '502 Bad Gateway (HTTP 502)'],
  ])('reports a stream that cannot be opened (%o) as ended early', async (fault, reason) => {
    const { task_id } = await f.client.createVideo(f.key, request);
    f.sim.faults.next('stream', fault);
    expect(await follow(task_id).end).toEqual({ kind: 'ended-early', reason });
    expect(f.requests('stream')).toBe(1);
  });

  it('reports a stream that never answers as ended early', async () => {
    const { task_id } = await f.client.createVideo(f.key, request);
    f.sim.faults.next('stream', { kind: 'hang' });
    const { end } = follow(task_id, {}, f.clientWith({ timeoutMs: 100 }));
    expect(await end).toMatchObject({
      kind: 'ended-early',
      reason: stringMatching(/^No answer from/),
    });
  });

  it('throws for an unknown task and a rejected key: polling would fail the same way', async () => {
    expect(await apiErrorOf(follow('vid_NOPE').end)).toMatchObject({
      kind: 'not-found',
      status: 404,
    });
    const badKey = f.client.streamTask('sk-air-wrong', 'vid_NOPE', { onEvent: () => undefined });
    expect(await apiErrorOf(badKey)).toMatchObject({ kind: 'auth', status: 401 });
  });

  it('stops when the caller aborts, rethrowing the abort', async () => {
    const { task_id } = await f.client.createVideo(f.key, request);
    const controller = new AbortController();
    const { end } = follow(task_id, { signal: controller.signal });
    await streamOpened();
    controller.abort(new Error('app quitting'));
    await expect(end).rejects.toThrow('app quitting');
  });
});

describe('AirforceApi and the API key', () => {
  const f = useSimulatorClient();
  const servers: ReturnType<typeof createServer>[] = [];
  afterEach(() => servers.splice(0).forEach((server) => server.close()));

  it('sends the key to the API only, never to the CDN that serves results', async () => {
    const { task_id } = await f.client.createVideo(f.key, { model: 'veo-lite', prompt });
    const end = f.client.streamTask(f.key, task_id, { onEvent: () => undefined });
    await advanceUntil(f.sim, end);
    const done = await f.client.getTask(f.key, task_id);
    expect(done.result_url?.startsWith(f.sim.cdnBase)).toBe(true);
    await f.client.listTasks(f.key);
    await f.client.deleteTask(f.key, task_id);
    expect(f.sim.log.filter((entry) => entry.route === 'cdn')).toEqual([]);
    expect(f.sim.log.every((entry) => entry.authorized && entry.key === f.key)).toBe(true);
  });

  it('does not follow an API redirect to another origin, so the key stays home', async () => {
    // A misconfigured proxy at the API base that points every request at the CDN.
    const proxy = createServer((req, res) => {
      res
        .writeHead(req.method === 'POST' ? 307 : 302, {
          Location: `${f.sim.cdnBase}${req.url ?? '/'}`,
        })
        .end();
    });
    servers.push(proxy);
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const client = f.clientWith({
      apiBase: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    });

    const get = await apiErrorOf(client.getTask(f.key, 'vid_01'));
    expect(get).toEqual({
      kind: 'bad-response',
      status: 302,
      message: `The server redirected the request to ${new URL(f.sim.cdnBase).origin}; redirects are not followed`,
    });
    expect(
      await apiErrorOf(client.createVideo(f.key, { model: 'veo-lite', prompt })),
    ).toMatchObject({ status: 307 });
    expect(await client.streamTask(f.key, 'vid_01', { onEvent: () => undefined })).toMatchObject({
      kind: 'ended-early',
    });
    expect(f.sim.log).toEqual([]);
  });
});
