import { describe, expect, it } from 'vitest';
import { JobStatus } from '../../../shared/jobs';
import { assertTransition, canTransition } from './transitions';

describe('job transitions', () => {
  it('never leaves an end state', () => {
    for (const end of ['saved', 'failed', 'expired', 'cancelled'] as const) {
      for (const to of JobStatus.options.filter((s) => s !== end))
        expect(canTransition(end, to)).toBe(false);
    }
  });

  it('never cancels a job that may have been paid for', () => {
    for (const paid of [
      'submitting',
      'remote-queued',
      'running',
      'completed',
      'downloading',
    ] as const) {
      expect(canTransition(paid, 'cancelled')).toBe(false);
    }
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
});
