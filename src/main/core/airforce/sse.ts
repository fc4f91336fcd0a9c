import { createParser } from 'eventsource-parser';
import { isTerminal, VideoTask } from '../../../shared/api/schemas';
import { systemClock } from '../clock';
import type { Clock, TimerHandle } from '../ports';
import { formatSeconds } from './network';
import { withoutNulls } from './request';
import type { StreamEnd, StreamOptions } from './types';

/**
 * A queued task can sit without a progress change for a while; longer than this is a stall
 * (the engine's default too, as the README documents: 45 s, then polling).
 */
export const defaultStreamIdleTimeoutMs = 45_000;

/** An event's payload as a task, or null when it is not one (or is about another task). */
export function taskFromEvent(data: string, taskId: string): VideoTask | null {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return null;
  }
  // `null` means absent on the stream as in REST answers (`"error": null` on a running task).
  const parsed = VideoTask.safeParse(withoutNulls(json));
  return parsed.success && parsed.data.task_id === taskId ? parsed.data : null;
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * Reads an open SSE response until a terminal payload, the end of the stream, a read error
 * or `idleTimeoutMs` without a single byte (comments and keep-alives count as life).
 * Only the caller's abort and an exception from `onEvent` are thrown; every other way the
 * stream can end is reported as `ended-early` so the caller falls back to polling.
 */
export async function readTaskStream(
  response: Response,
  taskId: string,
  options: StreamOptions,
  clock: Clock = systemClock,
): Promise<StreamEnd> {
  const { signal, onEvent } = options;
  const idleTimeoutMs = options.idleTimeoutMs ?? defaultStreamIdleTimeoutMs;
  if (!response.body) return { kind: 'ended-early', reason: 'The stream had no body' };
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let terminal: VideoTask | undefined;
  const parser = createParser({
    onEvent: (message) => {
      if (terminal) return;
      const task = taskFromEvent(message.data, taskId);
      if (!task) return;
      onEvent(task, message.event ?? 'message');
      if (isTerminal(task.status)) terminal = task;
    },
  });
  let idle = false;
  let timer: TimerHandle | undefined;
  const watch = () => {
    if (timer) clock.clearTimeout(timer);
    timer = clock.setTimeout(() => {
      idle = true;
      // Cancelling settles the pending read as done; the loop then reports the stall.
      void reader.cancel().catch(() => undefined);
    }, idleTimeoutMs);
  };
  try {
    watch();
    while (!terminal) {
      let chunk: Awaited<ReturnType<typeof reader.read>>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        return { kind: 'ended-early', reason: `The stream broke (${describe(error)})` };
      }
      signal?.throwIfAborted();
      if (idle) {
        return {
          kind: 'ended-early',
          reason: `No event for ${formatSeconds(idleTimeoutMs)}`,
        };
      }
      if (chunk.done) {
        return { kind: 'ended-early', reason: 'The stream closed before the task finished' };
      }
      watch();
      parser.feed(chunk.value);
    }
    return { kind: 'terminal', task: terminal };
  } finally {
    if (timer) clock.clearTimeout(timer);
    void reader.cancel().catch(() => undefined);
  }
}
