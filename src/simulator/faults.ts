import { z } from 'zod';
import type { TaskError } from './tasks';

export type FaultRoute = 'models' | 'create' | 'get' | 'list' | 'delete' | 'stream' | 'cdn';
export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string; body?: string }
  | { kind: 'hang' }
  | { kind: 'malformed-json' }
  | { kind: 'html' }
  | { kind: 'reset-after-create' }
  | { kind: 'slow-answer'; ms: number }
  | { kind: 'stream-drop'; afterEvents: number }
  | { kind: 'stream-silent' }
  | { kind: 'cut'; afterBytes: number }
  | { kind: 'slow'; bytesPerSecond: number };

export interface Faults {
  next(route: FaultRoute, fault: Fault, times?: number): void;
  failNextTask(error?: { type: string; message: string }): void;
  clear(): void;
}

export const defaultTaskError: TaskError = {
  type: 'server_error',
  message: 'The task failed on the provider side',
};

const jsonRoutes: readonly FaultRoute[] = ['models', 'create', 'get', 'list', 'delete'];
/** Where each kind makes sense; anything else is a mistake in the test that asked for it. */
const applicable: Record<Fault['kind'], readonly FaultRoute[]> = {
  status: [...jsonRoutes, 'stream', 'cdn'],
  hang: [...jsonRoutes, 'stream', 'cdn'],
  html: [...jsonRoutes, 'stream', 'cdn'],
  'malformed-json': jsonRoutes,
  'reset-after-create': ['create'],
  'slow-answer': ['create'],
  'stream-drop': ['stream'],
  'stream-silent': ['stream'],
  cut: ['cdn'],
  slow: ['cdn'],
};

/** The faults queued for upcoming requests, first in first out per route. */
export class FaultQueue implements Faults {
  private readonly queued = new Map<FaultRoute, { fault: Fault; remaining: number }[]>();
  private taskErrors: TaskError[] = [];

  next(route: FaultRoute, fault: Fault, times = 1): void {
    if (!applicable[fault.kind].includes(route)) {
      throw new Error(`A '${fault.kind}' fault does not apply to the '${route}' route`);
    }
    if (!Number.isInteger(times) || times < 1)
      throw new RangeError(`times must be a positive integer, got ${times}`);
    const list = this.queued.get(route) ?? [];
    list.push({ fault, remaining: times });
    this.queued.set(route, list);
  }

  failNextTask(error: TaskError = defaultTaskError): void {
    this.taskErrors.push(error);
  }

  clear(): void {
    this.queued.clear();
    this.taskErrors = [];
  }

  /** The fault for this request, if any; consumes one use of it. */
  take(route: FaultRoute): Fault | undefined {
    const first = this.queued.get(route)?.[0];
    if (!first) return undefined;
    if (--first.remaining === 0) this.queued.get(route)?.shift();
    return first.fault;
  }

  takeTaskError(): TaskError | undefined {
    return this.taskErrors.shift();
  }
}

const TaskErrorSchema = z.object({ type: z.string().min(1), message: z.string() });

/** Faults as the control endpoint accepts them (`POST /__sim/faults`). */
export const FaultRequest = z.object({
  route: z.enum(['models', 'create', 'get', 'list', 'delete', 'stream', 'cdn']),
  times: z.number().int().positive().optional(),
  fault: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('status'),
      status: z.number().int().min(100).max(599),
      retryAfter: z.string().optional(),
      body: z.string().optional(),
    }),
    z.object({ kind: z.literal('hang') }),
    z.object({ kind: z.literal('malformed-json') }),
    z.object({ kind: z.literal('html') }),
    z.object({ kind: z.literal('reset-after-create') }),
    z.object({ kind: z.literal('slow-answer'), ms: z.number().nonnegative() }),
    z.object({ kind: z.literal('stream-drop'), afterEvents: z.number().int().nonnegative() }),
    z.object({ kind: z.literal('stream-silent') }),
    z.object({ kind: z.literal('cut'), afterBytes: z.number().int().nonnegative() }),
    z.object({ kind: z.literal('slow'), bytesPerSecond: z.number().positive() }),
  ]),
});

export const TaskErrorRequest = z.object({ error: TaskErrorSchema.optional() });
