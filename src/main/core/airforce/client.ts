import {
  CreateVideoResponse,
  ModelList,
  RESULT_LIFETIME_MS,
  TaskList,
  VideoTask,
} from '../../../shared/api/schemas';
import { english, type Translate } from '../i18n';
import type { CreateVideoRequest } from '../../../shared/api/schemas';
import { videoModelsFrom } from './models';
import { attempt, parseApiBase, readJson } from './request';
import type { ApiRequest, FetchLike, Transport } from './request';
import { sleep as sleepOn, systemClock } from '../clock';
import type { Clock } from '../ports';
import { defaultRetryPolicy, withRetry } from './retry';
import type { CallKind, RetryPolicy, Sleep } from './retry';
import { readTaskStream } from './sse';
import { AirforceError } from './types';
import type { AirforceApi, ListTasksQuery, StreamEnd, StreamOptions } from './types';

export interface AirforceClientOptions {
  /** e.g. `https://api.airforce`; a path prefix (a gateway) is kept, `/v1/…` is appended. */
  apiBase: string;
  /**
   * The origin each key may be sent to (core binds a key to the origin it was checked
   * against); a request whose key is bound elsewhere, or nowhere, is refused unsent.
   * Default: every key to this client's base, for a client that only ever serves one.
   */
  keyOrigin?: (apiKey: string) => string | null;
  /** Electron passes `net.fetch`; defaults to the global fetch. */
  fetch?: FetchLike;
  /**
   * Core's clock: retry waits, request timeouts and the stream's idle timer all run on it,
   * so a test's virtual time covers the client too.
   */
  clock?: Clock;
  /** Waits between retries, on the clock by default; a test may record the waits instead. */
  sleep?: Sleep;
  /** In [0, 1), for the backoff jitter. */
  random?: () => number;
  /** Per attempt, until the whole answer is read (for a stream: until its headers). */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** The language of the client's own words in its errors (English by default). */
  t?: Translate;
}

export const defaultTimeoutMs = 30_000;

/**
 * A create answer means money was spent: everything but the task id and the cost is
 * tolerated missing, so a sloppy answer still tells the engine which task it paid for.
 */
const CreateAnswer = CreateVideoResponse.extend({
  status: CreateVideoResponse.shape.status.catch('queued'),
  created: CreateVideoResponse.shape.created.optional(),
  expires_at: CreateVideoResponse.shape.expires_at.optional(),
});

function taskPath(taskId: string): string {
  // `.` and `..` survive encoding and would be resolved away into another endpoint.
  if (taskId === '' || taskId === '.' || taskId === '..')
    throw new TypeError(`Not a task id: "${taskId}"`);
  return `/v1/video/tasks/${encodeURIComponent(taskId)}`;
}
const withSignal = (signal: AbortSignal | undefined) => (signal ? { signal } : {});

export function createAirforceClient(options: AirforceClientOptions): AirforceApi {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const apiBase = parseApiBase(options.apiBase);
  const transport: Transport = {
    apiBase,
    keyOrigin: options.keyOrigin ?? (() => apiBase.origin),
    fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    timeoutMs: options.timeoutMs ?? defaultTimeoutMs,
    clock,
    t: options.t ?? english.t,
  };
  const policy: RetryPolicy = { ...defaultRetryPolicy, ...options.retry };
  const sleep = options.sleep ?? ((ms, signal) => sleepOn(clock, ms, signal));
  const random = options.random ?? Math.random;
  const retrying = (call: CallKind, signal: AbortSignal | undefined) => ({
    call,
    policy,
    sleep,
    random,
    ...withSignal(signal),
  });

  /** One call with its retries; `read` gets a 2xx response. */
  function send<T>(
    call: CallKind,
    request: ApiRequest,
    read: (response: Response) => Promise<T>,
  ): Promise<T> {
    return withRetry(() => attempt(transport, request, read), retrying(call, request.signal));
  }

  async function streamTask(
    apiKey: string,
    taskId: string,
    streamOptions: StreamOptions,
  ): Promise<StreamEnd> {
    const path = `${taskPath(taskId)}/stream`;
    const request: ApiRequest = {
      method: 'GET',
      path,
      accept: 'text/event-stream',
      apiKey,
      ...withSignal(streamOptions.signal),
    };
    let response: Response;
    try {
      response = await attempt(transport, request, (answer) => Promise.resolve(answer));
    } catch (error) {
      // A task (or key) that is gone must not look like a stream that is merely unavailable:
      // polling would fail the same way.
      if (
        !(error instanceof AirforceError) ||
        error.error.kind === 'not-found' ||
        error.error.kind === 'auth'
      ) {
        throw error;
      }
      return { kind: 'ended-early', reason: error.message };
    }
    const type = response.headers.get('content-type');
    if (type !== null && !type.includes('text/event-stream')) {
      await response.body?.cancel();
      return {
        kind: 'ended-early',
        reason: `The server answered with ${type}, not an event stream`,
      };
    }
    return readTaskStream(response, taskId, streamOptions, clock);
  }

  return {
    async listModels(apiKey, signal) {
      const request: ApiRequest = {
        method: 'GET',
        path: '/v1/models',
        apiKey,
        ...withSignal(signal),
      };
      return videoModelsFrom(
        await send('idempotent', request, (response) => readJson(response, ModelList, transport.t)),
      );
    },

    async createVideo(apiKey, body: CreateVideoRequest, signal) {
      const path = '/v1/video/generations';
      const request: ApiRequest = { method: 'POST', path, body, apiKey, ...withSignal(signal) };
      const answer = await send('create', request, (response) =>
        readJson(response, CreateAnswer, transport.t),
      );
      const created = answer.created ?? Math.floor(now() / 1000);
      return {
        ...answer,
        created,
        expires_at: answer.expires_at ?? created + RESULT_LIFETIME_MS / 1000,
      };
    },

    async getTask(apiKey, taskId, signal) {
      const request: ApiRequest = {
        method: 'GET',
        path: taskPath(taskId),
        apiKey,
        ...withSignal(signal),
      };
      return send('idempotent', request, (response) => readJson(response, VideoTask, transport.t));
    },

    async listTasks(apiKey, query: ListTasksQuery = {}, signal) {
      const params = new URLSearchParams();
      // The documented range; asking for more would only earn a 400.
      if (query.limit !== undefined)
        params.set('limit', String(Math.min(200, Math.max(1, Math.floor(query.limit)))));
      if (query.status !== undefined) params.set('status', query.status);
      const request: ApiRequest = {
        method: 'GET',
        path: '/v1/video/tasks',
        query: params,
        apiKey,
        ...withSignal(signal),
      };
      return send('idempotent', request, (response) => readJson(response, TaskList, transport.t));
    },

    async deleteTask(apiKey, taskId, signal) {
      const request: ApiRequest = {
        method: 'DELETE',
        path: taskPath(taskId),
        apiKey,
        ...withSignal(signal),
      };
      await withRetry(
        async (attemptNumber) => {
          try {
            await attempt(transport, request, async (response) => response.body?.cancel());
          } catch (error) {
            // An earlier attempt may have deleted it before its answer was lost: gone is done.
            const gone = error instanceof AirforceError && error.error.kind === 'not-found';
            if (!gone || attemptNumber === 1) throw error;
          }
        },
        retrying('idempotent', signal),
      );
    },

    streamTask,
  };
}
