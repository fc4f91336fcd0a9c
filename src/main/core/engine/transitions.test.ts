import { describe, expect, it } from 'vitest';
import { JobStatus } from '../../../shared/jobs';
import { assertTransition, canTransition, InvalidTransitionError } from './transitions';

describe('job transitions', () => {
  it('never leaves an end state', () => {
    for (const end of ['saved', 'failed', 'expired', 'cancelled'] as const) {
      for (const to of JobStatus.options.filter((s) => s !== end))
        expect(canTransition(end, to)).toBe(false);
    }
  });

  it('cancels a paid job only while its task is on the server, to be deleted there', () => {
    for (const paid of ['submitting', 'completed', 'downloading'] as const) {
      expect(canTransition(paid, 'cancelled')).toBe(false);
    }
    expect(canTransition('remote-queued', 'cancelled')).toBe(true);
    expect(canTransition('running', 'cancelled')).toBe(true);
  });

  it('lets a submission go back to the queue only before a task is known', () => {
    expect(canTransition('submitting', 'queued')).toBe(true);
    expect(canTransition('remote-queued', 'queued')).toBe(false);
    expect(canTransition('running', 'queued')).toBe(false);
  });

  it('follows the happy path and throws on a jump', () => {
    const path = [
      'queued',
      'submitting',
      'remote-queued',
      'running',
      'completed',
      'downloading',
      'saved',
    ] as const;
    for (let i = 1; i < path.length; i++)
      expect(() => assertTransition(path[i - 1]!, path[i]!)).not.toThrow();
    expect(() => assertTransition('queued', 'running')).toThrow(/cannot go from queued to running/);
  });

  it('allows every move the engine makes, and no other', () => {
    const moves: [JobStatus, JobStatus][] = [
      ['queued', 'submitting'],
      ['queued', 'held'], // over budget, no key
      ['queued', 'cancelled'],
      ['held', 'queued'], // released by the user
      ['held', 'cancelled'],
      ['submitting', 'queued'], // the server certainly made no task (429, reconciled none)
      ['submitting', 'held'], // 402, key refused
      ['submitting', 'remote-queued'],
      ['submitting', 'running'], // a lost create adopted while its task runs
      ['submitting', 'completed'],
      ['submitting', 'failed'], // 400, or its task failed
      ['submitting', 'expired'],
      ['remote-queued', 'running'],
      ['remote-queued', 'completed'], // the stream missed the start
      ['remote-queued', 'failed'],
      ['remote-queued', 'expired'],
      ['remote-queued', 'cancelled'], // its task deleted by the user
      ['running', 'completed'],
      ['running', 'failed'],
      ['running', 'expired'],
      ['running', 'cancelled'],
      ['completed', 'downloading'],
      ['completed', 'saved'], // already in the library
      ['completed', 'expired'], // purged before it was saved
      ['downloading', 'saved'],
      ['downloading', 'expired'],
    ];
    const allowed = new Set(moves.map(([from, to]) => `${from}>${to}`));
    for (const from of JobStatus.options)
      for (const to of JobStatus.options) {
        const expected = from === to || allowed.has(`${from}>${to}`);
        expect(canTransition(from, to), `${from} to ${to}`).toBe(expected);
      }
  });

  it('lets a change repeat the status a job has', () => {
    for (const status of JobStatus.options)
      expect(() => assertTransition(status, status)).not.toThrow();
  });

  it('throws an error of its own kind, naming both statuses', () => {
    const error = (() => {
      try {
        assertTransition('saved', 'queued');
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(InvalidTransitionError);
    expect(error?.name).toBe('InvalidTransitionError');
    expect(error?.message).toBe('A job cannot go from saved to queued');
  });
});
