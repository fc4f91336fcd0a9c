import type { JobStatus } from '../../../shared/jobs';

/**
 * Every allowed move of a job's status. Anything else is a bug and throws, so an
 * impossible state (a cancelled job that got paid for afterwards, say) cannot be reached silently.
 */
const allowed: Record<JobStatus, readonly JobStatus[]> = {
  queued: ['submitting', 'held', 'cancelled'],
  held: ['queued', 'cancelled'],
  // Back to `queued` only when the server certainly has no task for it.
  submitting: ['queued', 'held', 'remote-queued', 'running', 'completed', 'failed', 'expired'],
  // Cancelled once the user had its task deleted on the server (paid, not refunded).
  'remote-queued': ['running', 'completed', 'failed', 'expired', 'cancelled'],
  running: ['completed', 'failed', 'expired', 'cancelled'],
  completed: ['downloading', 'saved', 'expired'],
  downloading: ['saved', 'expired'],
  saved: [],
  failed: [],
  expired: [],
  cancelled: [],
};

export function canTransition(from: JobStatus, to: JobStatus): boolean {
  return from === to || allowed[from].includes(to);
}

export class InvalidTransitionError extends Error {
  constructor(from: JobStatus, to: JobStatus) {
    super(`A job cannot go from ${from} to ${to}`);
    this.name = 'InvalidTransitionError';
  }
}

export function assertTransition(from: JobStatus, to: JobStatus): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError(from, to);
}
