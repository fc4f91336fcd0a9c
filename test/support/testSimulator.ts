import { createParser } from 'eventsource-parser';
import { startSimulator } from '../../src/simulator/index';
import type { Simulator, SimulatorOptions } from '../../src/simulator/index';

/** A fixed virtual epoch, so expiry dates in tests read the same on every run. */
export const testEpoch = Date.UTC(2026, 0, 1);
/** Long enough for any `fast` task to finish (queued ≤ 1 s, running ≤ 5 s). */
export const fastTaskMs = 6_000;

const started: Simulator[] = [];

/** A simulator whose time moves only through `clock.advance`. Close with `closeTestSimulators`. */
export async function startTestSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const sim = await startSimulator({ autoTick: false, seed: 7, startTime: testEpoch, ...options });
  started.push(sim);
  return sim;
}

export async function closeTestSimulators(): Promise<void> {
  await Promise.all(started.splice(0).map((sim) => sim.close()));
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  /** The key to send; null sends no Authorization header. Default: the simulator's key. */
  key?: string | null;
  signal?: AbortSignal;
}

export function call(sim: Simulator, path: string, options: CallOptions = {}): Promise<Response> {
  const key = options.key === undefined ? sim.apiKey : options.key;
  return fetch(sim.apiBase + path, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(key === null ? {} : { Authorization: `Bearer ${key}` }),
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(options.body === undefined
      ? {}
      : { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/** The simulator's control endpoints (`/__sim/…`): GET without a body, POST with one. */
export function control(sim: Simulator, path: string, body?: unknown): Promise<Response> {
  return fetch(`${sim.apiBase}/__sim${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

export const defaultRequest = { model: 'wan-2.6', prompt: 'A lighthouse at dusk' };

/** Creates a task and returns its id; fails the test on anything but 200. */
export async function createTask(
  sim: Simulator,
  body: Record<string, unknown> = {},
  key?: string,
): Promise<string> {
  const response = await call(sim, '/v1/video/generations', {
    body: { ...defaultRequest, ...body },
    ...(key ? { key } : {}),
  });
  const created = await json(response);
  if (response.status !== 200)
    throw new Error(`create failed: ${response.status} ${JSON.stringify(created)}`);
  return created.task_id as string;
}

export async function taskStatus(sim: Simulator, taskId: string): Promise<Record<string, unknown>> {
  return json(await call(sim, `/v1/video/tasks/${encodeURIComponent(taskId)}`));
}

export async function completedTask(
  sim: Simulator,
  body: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const id = await createTask(sim, body);
  await sim.clock.advance(fastTaskMs);
  return taskStatus(sim, id);
}

export interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

export interface SseReading {
  events: SseEvent[];
  /** How the stream ended: closed cleanly, or cut ('error'). */
  ended: Promise<'closed' | 'error'>;
  /** Resolves once `count` events arrived (or the stream ended first). */
  waitFor(count: number): Promise<void>;
}

export function readSse(response: Response): SseReading {
  const events: SseEvent[] = [];
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((resolve) => resolve());
  const parser = createParser({
    onEvent: (message) => {
      events.push({
        event: message.event ?? 'message',
        data: JSON.parse(message.data) as Record<string, unknown>,
      });
      wake();
    },
  });
  let finished = false;
  const ended = (async () => {
    const reader = response.body?.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return 'closed' as const;
        parser.feed(decoder.decode(chunk.value, { stream: true }));
      }
    } catch {
      return 'error' as const;
    } finally {
      finished = true;
      wake();
    }
  })();
  return {
    events,
    ended,
    waitFor: async (count) => {
      while (events.length < count && !finished)
        await new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}

/** Reads a body chunk by chunk; a cut connection yields what arrived and `error: true`. */
export async function readBytes(response: Response): Promise<{ bytes: Buffer; error: boolean }> {
  const chunks: Uint8Array[] = [];
  const reader = response.body?.getReader();
  try {
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) return { bytes: Buffer.concat(chunks), error: false };
      chunks.push(chunk.value);
    }
  } catch {
    return { bytes: Buffer.concat(chunks), error: true };
  }
}
