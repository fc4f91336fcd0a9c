import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, isRetryable, parseRetryAfter, retryDelay, withRetry } from './retry';
import { AirforceError } from './types';
import type { ApiError } from './types';

const now = Date.parse('2025-05-06T12:00:00Z');

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
  });

  it('reads an HTTP date relative to now, never negative', () => {
    expect(parseRetryAfter('Tue, 06 May 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 06 May 2025 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores what it cannot read', () => {
    for (const value of [null, undefined, '', 'soon', '-5', '5s'])
      expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe('retry rules', () => {
  const errors: Record<string, ApiError> = {
    refused: { kind: 'network', maybeSent: false, message: '' },
    reset: { kind: 'network', maybeSent: true, message: '' },
    limited: { kind: 'rate-limited', status: 429, message: '' },
    server: { kind: 'server', status: 503, message: '' },
    timeout408: { kind: 'server', status: 408, message: '' },
    auth: { kind: 'auth', status: 401, message: '' },
    invalid: { kind: 'invalid-request', status: 400, message: '' },
    balance: { kind: 'balance', status: 402, message: '' },
    missing: { kind: 'not-found', status: 404, message: '' },
    bad: { kind: 'bad-response', status: 200, message: '' },
  };

  it.each([
    ['refused', true, true],
    ['reset', true, false],
    ['limited', true, true],
    ['server', true, false],
    ['timeout408', true, false],
    ['auth', false, false],
    ['invalid', false, false],
    ['balance', false, false],
    ['missing', false, false],
    ['bad', false, false],
  ])('%s: idempotent %s, create %s', (name, idempotent, create) => {
    const error = errors[name];
    if (!error) throw new Error(name);
    expect(isRetryable(error, 'idempotent')).toBe(idempotent);
    expect(isRetryable(error, 'create')).toBe(create);
  });

  it('waits as long as Retry-After asks, and gives up when it asks for more than the cap', () => {
    const limited = (retryAfterMs: number): ApiError => ({
      kind: 'rate-limited',
      status: 429,
      message: '',
      retryAfterMs,
    });
    expect(retryDelay(limited(4000), 1, defaultRetryPolicy, () => 0.9)).toBe(4000);
    expect(retryDelay(limited(31_000), 1, defaultRetryPolicy, () => 0.9)).toBeUndefined();
    expect(
      retryDelay({ kind: 'server', status: 500, message: '' }, 2, defaultRetryPolicy, () => 0.5),
    ).toBe(1000);
  });
});

describe('withRetry', () => {
  const failing = (error: ApiError) => () => Promise.reject(new AirforceError(error));

  it('stops after maxAttempts and rethrows the last error, sleeping between attempts', async () => {
    const delays: number[] = [];
    let calls = 0;
    const run = withRetry(
      () => {
        calls++;
        return failing({ kind: 'server', status: 500, message: 'down' })();
      },
      {
        call: 'idempotent',
        policy: defaultRetryPolicy,
        random: () => 1 - 1e-9,
        sleep: (ms) => {
          delays.push(ms);
          return Promise.resolve();
        },
      },
    );
    await expect(run).rejects.toMatchObject({ error: { kind: 'server' } });
    expect(calls).toBe(4);
    expect(delays).toEqual([999, 1999, 3999]);
  });

  it('does not retry what is not an AirforceError', async () => {
    let calls = 0;
    const run = withRetry(
      () => {
        calls++;
        return Promise.reject(new Error('bug'));
      },
      {
        call: 'idempotent',
        policy: defaultRetryPolicy,
        random: Math.random,
        sleep: () => Promise.resolve(),
      },
    );
    await expect(run).rejects.toThrow('bug');
    expect(calls).toBe(1);
  });

  it('stops when the caller aborts during the wait', async () => {
    const controller = new AbortController();
    const run = withRetry(failing({ kind: 'network', maybeSent: true, message: '' }), {
      call: 'idempotent',
      policy: defaultRetryPolicy,
      random: Math.random,
      signal: controller.signal,
      sleep: () => {
        controller.abort(new Error('cancelled'));
        return Promise.resolve();
      },
    });
    await expect(run).rejects.toThrow('cancelled');
  });
});
