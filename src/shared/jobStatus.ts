/**
 * A job's statuses and the rules over them, without zod: the renderer uses these, and the
 * schema in `./jobs` is built from the same list (`jobs.ts` re-exports the rules for main).
 */
export const jobStatuses = [
  'queued', // local, waiting for a slot
  'held', // needs the user: balance, key or budget
  'submitting', // persisted before the POST; outcome being learnt
  'remote-queued', // the task exists, not started
  'running',
  'completed', // finished on the server, not yet in the library
  'downloading',
  'saved', // in the library
  'failed', // refunded
  'expired',
  'cancelled', // never submitted, or its task deleted on the server by the user (not refunded)
] as const;
export type JobStatus = (typeof jobStatuses)[number];

const among = (...statuses: readonly JobStatus[]) => {
  const set = new Set(statuses);
  return (status: JobStatus): boolean => set.has(status);
};

/** Not yet submitted: nothing is paid, so the user may still edit, move or cancel it. */
export const isWaiting = among('queued', 'held');
/** Holds one of the key's task slots on the server (the concurrency setting counts these). */
export const holdsSlot = among('submitting', 'remote-queued', 'running');
/** Its task exists on the server and is being followed to its end. */
export const isOnServer = among('remote-queued', 'running');
/** Finished on the server, its clip not yet in the library. */
export const isBeingSaved = among('completed', 'downloading');
/** Paid for and not yet saved: removing it would lose a clip the user paid for. */
export const isPaidNotSaved = among(
  'submitting',
  'remote-queued',
  'running',
  'completed',
  'downloading',
);
/** Nothing more will happen to it. */
export const isEnded = among('saved', 'failed', 'expired', 'cancelled');
/** Ended without a clip on the server's side; the money line says whether it was refunded. */
export const isFailure = among('failed', 'expired');
/** Ended without a clip: the user may send the same request again. */
export const canRetry = among('failed', 'expired', 'cancelled');
