import { describe, expect, it } from 'vitest';
import type { JobRecord } from './jobRecord';
import { submittingJob } from '../../../../test/support/jobRepositoryKit';
import { createFailed, listUnread } from './submission';

const T = 1_000_000;
const job = (change: Partial<JobRecord> = {}): JobRecord =>
  submittingJob(T, { costCents: 200, ...change });
const half = () => 0.5;

describe('a create that failed, exactly', () => {
  it('a 429 without Retry-After backs off by the jittered wait (half of 8 s here)', () => {
    const [change] = createFailed(
      job(),
      { kind: 'rate-limited', status: 429, message: 'x' },
      T,
      half,
    );
    expect(change).toEqual({
      id: 'j1',
      patch: { status: 'queued', attemptAt: null },
      backOffMs: 4_000,
    });
  });

  it('a 401 holds the job as key-rejected, keeps the error and says the key was refused', () => {
    expect(createFailed(job(), { kind: 'auth', status: 401, message: 'bad key' }, T, half)).toEqual(
      [
        {
          id: 'j1',
          patch: {
            status: 'held',
            holdReason: 'key-rejected',
            error: { kind: 'auth', message: 'bad key' },
          },
          block: { reason: 'key-rejected', message: 'The API key was refused: bad key' },
        },
      ],
    );
  });

  it('a 400 without a field and a 404 fail the job with no field, and debit nothing', () => {
    for (const e of [
      { kind: 'invalid-request', status: 400, message: 'no' },
      { kind: 'not-found', status: 404, message: 'no model' },
      // A field the client read but found empty is not named.
      { kind: 'invalid-request', status: 400, message: 'no', field: undefined },
    ] as const) {
      const changes = createFailed(job(), e, T, half);
      expect(changes[0]?.patch).toMatchObject({
        status: 'failed',
        error: { kind: e.kind, message: e.message },
      });
      expect(changes[0]?.patch?.error).not.toHaveProperty('field');
      expect(changes.some((c) => c.debit !== undefined)).toBe(false);
    }
  });

  it('says why it is looking for the task: a connection broken after sending, or no usable answer', () => {
    const message = (e: Parameters<typeof createFailed>[1]) =>
      createFailed(job(), e, T, half)[0]?.patch?.check?.message;
    expect(message({ kind: 'network', message: 'reset', maybeSent: true })).toBe(
      'The connection broke after the request was sent (reset). Looking for its task on the server before anything is sent again.',
    );
    expect(message({ kind: 'server', status: 502, message: 'HTTP 502' })).toBe(
      'The server gave no usable answer (HTTP 502). Looking for its task on the server before anything is sent again.',
    );
    expect(createFailed(job(), { kind: 'server', status: 500, message: 'x' }, T, half)).toEqual([
      {
        id: 'j1',
        patch: {
          check: { state: 'looking', message: expect.any(String) as unknown, candidates: [] },
          looks: 0,
          lookAt: null,
        },
      },
    ]);
  });
});

describe('a task list that could not be read, exactly', () => {
  it('a refused key stops everything and changes nothing on the job', () => {
    expect(listUnread(job(), { kind: 'auth', status: 401, message: 'bad key' }, T, half)).toEqual({
      id: 'j1',
      block: { reason: 'key-rejected', message: 'The API key was refused: bad key' },
    });
  });

  it('an unreadable list asks again with a backoff that grows with the looks, never sooner than 5 s', () => {
    const unread = (looks: number) =>
      listUnread(job({ looks }), { kind: 'bad-response', message: 'garbage' }, T, half);
    // Half of 10 s after the first look would be 5 s; of 20 s, 10 s; of 40 s, 20 s.
    expect(unread(0).patch?.lookAt).toBe(T + 5_000);
    expect(unread(1).patch?.lookAt).toBe(T + 10_000);
    expect(unread(2)).toEqual({
      id: 'j1',
      patch: {
        check: {
          state: 'unreadable',
          message:
            "Airframe cannot read the server's task list (garbage), so it cannot tell whether this job was created and paid for. It asks again in 20 s; if you know the answer, choose it.",
          candidates: [],
        },
        looks: 3,
        lookAt: T + 20_000,
      },
    });
    // Only a 429's Retry-After is taken as is; a busy server is asked again no sooner than 5 s.
    const early = listUnread(
      job(),
      { kind: 'server', status: 503, message: 'x', retryAfterMs: 1_000 },
      T,
      () => 0,
    );
    expect(early.patch?.lookAt).toBe(T + 5_000);
  });

  it('any other failure says the check failed, and a 429 without Retry-After backs off too', () => {
    const limited = listUnread(
      job({ looks: 1 }),
      { kind: 'rate-limited', status: 429, message: 'slow' },
      T,
      half,
    );
    expect(limited.patch).toMatchObject({
      check: {
        state: 'unreadable',
        message: 'Checking whether this job was created failed (slow); asking again in 10 s.',
      },
      looks: 2,
      lookAt: T + 10_000,
    });
    const odd = listUnread(job(), { kind: 'server', status: 500, message: 'oops' }, T, () => 0.99);
    expect(odd.patch?.check?.message).toBe(
      'Checking whether this job was created failed (oops); asking again in 10 s.',
    );
  });
});
