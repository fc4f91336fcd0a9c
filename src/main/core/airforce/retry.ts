import { backoffMs } from '../backoff';
import { AirforceError } from './types';
import type { ApiError } from './types';

export interface RetryPolicy {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  /** The backoff ceiling of the first retry; it doubles with each further retry. */
  baseDelayMs: number;
  /** No wait is longer than this; a server asking for more (Retry-After) gets the error back. */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
};

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * `idempotent`: GET and DELETE, safe to repeat whatever happened.
 * `create`: the paid POST, repeated only when the server certainly did not create a task.
 */
export type CallKind = 'idempotent' | 'create';

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number,
): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

export function isRetryable(error: ApiError, call: CallKind): boolean {
  if (call === 'create') {
    // A 429 is refused before creation; a refused connection never carried the request.
    return error.kind === 'rate-limited' || (error.kind === 'network' && !error.maybeSent);
  }
  return error.kind === 'network' || error.kind === 'rate-limited' || error.kind === 'server';
}

/** How long to wait before retry number `retry`, or undefined to give up now. */
export function retryDelay(
  error: ApiError,
  retry: number,
  policy: RetryPolicy,
  random: () => number,
): number | undefined {
  const asked =
    error.kind === 'rate-limited' || error.kind === 'server' ? error.retryAfterMs : undefined;
  if (asked === undefined) {
    return backoffMs(retry - 1, { baseMs: policy.baseDelayMs, capMs: policy.maxDelayMs }, random);
  }
  return asked <= policy.maxDelayMs ? asked : undefined;
}

export interface RetryOptions {
  call: CallKind;
  policy: RetryPolicy;
  sleep: Sleep;
  random: () => number;
  signal?: AbortSignal;
}

/** Runs `attempt` (numbered from 1) until it succeeds or the policy says stop. */
export async function withRetry<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const { call, policy, sleep, random, signal } = options;
  for (let attemptNumber = 1; ; attemptNumber++) {
    signal?.throwIfAborted();
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      if (!(error instanceof AirforceError) || attemptNumber >= policy.maxAttempts) throw error;
      if (!isRetryable(error.error, call)) throw error;
      const delay = retryDelay(error.error, attemptNumber, policy, random);
      if (delay === undefined) throw error;
      await sleep(delay, signal);
    }
  }
}
