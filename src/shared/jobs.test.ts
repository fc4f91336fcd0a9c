import { describe, expect, it } from 'vitest';
import {
  canRetry,
  holdsSlot,
  isBeingSaved,
  isEnded,
  isFailure,
  isOnServer,
  isPaidNotSaved,
  isWaiting,
  JobStatus,
} from './jobs';

const statuses = JobStatus.options;
const which = (predicate: (status: JobStatus) => boolean) => statuses.filter(predicate);

describe('status predicates', () => {
  it('name the statuses each rule is about', () => {
    expect(which(isWaiting)).toEqual(['queued', 'held']);
    expect(which(holdsSlot)).toEqual(['submitting', 'remote-queued', 'running']);
    expect(which(isOnServer)).toEqual(['remote-queued', 'running']);
    expect(which(isBeingSaved)).toEqual(['completed', 'downloading']);
    expect(which(isPaidNotSaved)).toEqual([
      'submitting',
      'remote-queued',
      'running',
      'completed',
      'downloading',
    ]);
    expect(which(isEnded)).toEqual(['saved', 'failed', 'expired', 'cancelled']);
    expect(which(isFailure)).toEqual(['failed', 'expired']);
    expect(which(canRetry)).toEqual(['failed', 'expired', 'cancelled']);
  });

  it('put every status in exactly one of waiting, paid and not saved, or ended', () => {
    for (const status of statuses) {
      const places = [isWaiting, isPaidNotSaved, isEnded].filter((p) => p(status));
      expect(places, status).toHaveLength(1);
    }
  });

  it('count a paid job as holding a slot until it finishes on the server', () => {
    for (const status of statuses) {
      expect(isPaidNotSaved(status), status).toBe(holdsSlot(status) || isBeingSaved(status));
      if (isOnServer(status)) expect(holdsSlot(status), status).toBe(true);
    }
  });
});
