import { z } from 'zod';

/** What a batch does when one of its jobs fails: keep going (the default), or stop there. */
export const OnFailure = z.enum(['continue', 'stop']);
export type OnFailure = z.infer<typeof OnFailure>;

/** A job's place in its batch, as the queue shows it: "12/50" is `index` 12 of `size` 50. */
export const BatchPlace = z.object({
  id: z.string(),
  name: z.string(),
  /** 1-based. A retry keeps the place of the job it retries. */
  index: z.int().min(1),
  size: z.int().min(1),
});
export type BatchPlace = z.infer<typeof BatchPlace>;

/** How many of a batch's jobs are in each stage; a job replaced by its retry counts no more. */
export const BatchCounts = z.object({
  /** Not yet submitted (queued or held). */
  waiting: z.int().nonnegative(),
  /** Paid and not yet saved: being submitted, on the server, or being downloaded. */
  running: z.int().nonnegative(),
  saved: z.int().nonnegative(),
  /** Failed or expired. */
  failed: z.int().nonnegative(),
  cancelled: z.int().nonnegative(),
});
export type BatchCounts = z.infer<typeof BatchCounts>;

/** A batch of jobs managed as one, with its progress and what it cost so far. */
export const BatchSummary = z.object({
  id: z.string(),
  name: z.string(),
  onFailure: OnFailure,
  createdAt: z.number(),
  /** How many jobs it was made with. */
  size: z.int().min(1),
  counts: BatchCounts,
  /** Debited minus refunded, over every task its jobs (retries included) had. */
  spentCents: z.number(),
  /** Its waiting jobs are not submitted until it is resumed (kept across restarts). */
  paused: z.boolean(),
  /** The job whose failure stopped the batch (`onFailure: 'stop'`); null once resumed. */
  stoppedBy: z.string().nullable(),
  /** When it last drained (nothing waiting or under way; the notification went out), or null. */
  doneAt: z.number().nullable(),
});
export type BatchSummary = z.infer<typeof BatchSummary>;

/**
 * Batches whose state, counts or spend changed; `removed`: batches with no job left in the
 * queue (their jobs were cleared or removed).
 */
export const BatchesChanged = z.object({
  upserted: z.array(BatchSummary),
  removed: z.array(z.string()),
});
export type BatchesChanged = z.infer<typeof BatchesChanged>;
