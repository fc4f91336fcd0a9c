import { describe, expect, it } from 'vitest';
import type { JobRecord } from './jobRecord';
import { submittingJob } from '../../../../test/support/jobRepositoryKit';
import { createFailed, listUnread } from './submission';

const T = 1_000_000;
const job = (change: Partial<JobRecord> = {}): JobRecord => submittingJob(T, { ...change });
const half = () => 0.5;

describe('createFailed', () => {
  it('a 429 puts the job back in line and delays submissions as long as the server asks', () => {
    expect(
      createFailed(
        job(),
        { kind: 'rate-limited', status: 429, message: 'slow', retryAfterMs: 7_000 },
        T,
        half,
      ),
    ).toEqual([{ id: 'j1', patch: { status: 'queued', attemptAt: null }, backOffMs: 7_000 }]);
  });

  it('a 402 or a refused key holds the job and stops submissions, saying why', () => {
    expect(
      createFailed(job(), { kind: 'balance', status: 402, message: 'top up' }, T, half),
    ).toEqual([
      {
        id: 'j1',
        patch: {
          status: 'held',
          holdReason: 'balance',
          error: { kind: 'balance', message: 'top up' },
        },
        block: { reason: 'balance', message: 'Balance too low: top up' },
      },
    ]);
    const [auth] = createFailed(job(), { kind: 'auth', status: 401, message: 'bad key' }, T, half);
    expect(auth?.patch).toMatchObject({ status: 'held', holdReason: 'key-rejected' });
    expect(auth?.block?.reason).toBe('key-rejected');
  });

  it('a 400 fails the job naming the field', () => {
    const [failed] = createFailed(
      job(),
      { kind: 'invalid-request', status: 400, message: 'too long', field: 'prompt' },
      T,
      half,
    );
    expect(failed?.patch).toMatchObject({
      status: 'failed',
      error: { kind: 'invalid-request', message: 'too long', field: 'prompt' },
    });
  });

  it('a request that never left goes back in line and the engine goes offline; one that may have left is looked for', () => {
    expect(
      createFailed(job(), { kind: 'network', message: 'down', maybeSent: false }, T, half),
    ).toEqual([{ id: 'j1', patch: { status: 'queued', attemptAt: null }, offline: true }]);
    for (const e of [
      { kind: 'network', message: 'reset', maybeSent: true },
      { kind: 'server', status: 502, message: '502' },
      { kind: 'bad-response', message: 'not JSON' },
    ] as const) {
      const [lost] = createFailed(job(), e, T, half);
      expect(lost?.patch).toMatchObject({ check: { state: 'looking' }, looks: 0, lookAt: null });
      expect(lost?.patch?.status).toBeUndefined();
      expect(lost?.offline).toBeUndefined();
    }
  });
});

describe('listUnread', () => {
  it('offline waits for the network; a refused key stops everything', () => {
    expect(
      listUnread(job(), { kind: 'network', message: 'down', maybeSent: false }, T, half),
    ).toEqual({
      id: 'j1',
      offline: true,
    });
    expect(
      listUnread(job(), { kind: 'auth', status: 401, message: 'bad key' }, T, half).block?.reason,
    ).toBe('key-rejected');
  });

  it('an unreadable list is shown on the job and asked again later; the job keeps its status', () => {
    const change = listUnread(
      job({ looks: 2 }),
      { kind: 'bad-response', message: 'garbage' },
      T,
      half,
    );
    expect(change.patch).toMatchObject({ check: { state: 'unreadable' }, looks: 3 });
    expect(change.patch?.status).toBeUndefined();
    expect(change.patch?.lookAt).toBeGreaterThanOrEqual(T + 5_000);
    expect(change.patch?.check?.message).toContain('cannot read the server');
    const limited = listUnread(
      job(),
      { kind: 'rate-limited', status: 429, message: 'slow', retryAfterMs: 9_000 },
      T,
      half,
    );
    expect(limited.patch?.lookAt).toBe(T + 9_000);
  });
});
