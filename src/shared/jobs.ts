import { z } from 'zod';
import { AspectRatio, Quality, VideoMode } from './api/schemas';
import { ClipId } from './clipId';
import { BatchPlace } from './jobBatches';
import { jobStatuses } from './jobStatus';

/**
 * The app's record of one request, as a UI sees it. Signed result URLs and the API key
 * never appear here; input images are references to files main keeps, not their bytes.
 */
export const JobStatus = z.enum(jobStatuses);
export type JobStatus = z.infer<typeof JobStatus>;

export const HoldReason = z.enum(['no-key', 'key-rejected', 'balance', 'budget']);
export type HoldReason = z.infer<typeof HoldReason>;

export const ImageMime = z.enum(['image/png', 'image/jpeg', 'image/webp']);
export type ImageMime = z.infer<typeof ImageMime>;

/** An input image as stored: a file main owns (by id), or an https URL given by the user. */
export const ImageRef = z.union([
  z.object({ blobId: z.string().regex(/^[a-f0-9]{64}$/), mime: ImageMime }).strict(),
  z.object({ url: z.url({ protocol: /^https$/ }) }).strict(),
]);
export type ImageRef = z.infer<typeof ImageRef>;

/** What the user asked for, in the app's words (the API's names are the client's business). */
export const JobRequest = z.object({
  model: z.string().min(1).max(200),
  prompt: z.string().trim().min(1).max(4000),
  mode: VideoMode,
  durationSeconds: z.int().positive().max(600),
  aspectRatio: AspectRatio.optional(),
  quality: Quality.optional(),
  seed: z
    .int()
    .nonnegative()
    .max(2 ** 32 - 1)
    .optional(),
  sound: z.boolean().optional(),
  inputImages: z.array(ImageRef).max(8),
  /** The clip this job continues ("Continue from this frame"): its sidecar will name it. */
  parentClipId: ClipId.optional(),
  /** Where in that clip the first frame was taken, in seconds. */
  parentFrameSeconds: z.number().nonnegative().max(600).optional(),
});
export type JobRequest = z.infer<typeof JobRequest>;

export const JobError = z.object({
  kind: z.string(),
  message: z.string(),
  field: z.string().optional(),
});
export type JobError = z.infer<typeof JobError>;

/** A task on the server that may be a job's, as the job's check shows it to the user. */
export const TaskCandidate = z.object({
  taskId: z.string(),
  model: z.string().nullable(),
  status: z.string(),
  /** ms since epoch, when the server said (or `expires_at` implied) it. */
  createdAt: z.number().nullable(),
  costCents: z.number().nullable(),
  durationSeconds: z.number().nullable(),
});
export type TaskCandidate = z.infer<typeof TaskCandidate>;

/**
 * A `submitting` job whose create call had no clear answer: the engine is finding out
 * whether the server made its task (`looking`), cannot read the server's list
 * (`unreadable`), or found several tasks that could be it and asks the user (`ambiguous`).
 */
export const JobCheck = z.object({
  state: z.enum(['looking', 'unreadable', 'ambiguous']),
  message: z.string(),
  candidates: z.array(TaskCandidate),
});
export type JobCheck = z.infer<typeof JobCheck>;

export const Job = z.object({
  id: z.string(),
  request: JobRequest,
  status: JobStatus,
  holdReason: HoldReason.nullable(),
  taskId: z.string().nullable(),
  /** 0–100 while running or downloading; null when not meaningful. */
  progress: z.number().min(0).max(100).nullable(),
  /** Estimated before submission, the debited amount after. */
  costCents: z.number().nonnegative().nullable(),
  refunded: z.boolean(),
  error: JobError.nullable(),
  /** Submitted to the built-in demo simulator: free, and never in the real ledger. */
  demo: z.boolean(),
  /** Set while a lost create is being reconciled with the server. */
  check: JobCheck.nullable(),
  retryOf: z.string().nullable(),
  /**
   * The API key it is bound to (issue 18): its pin while it waits, else the key it was
   * submitted with; null or absent: any key while it waits, the first key once submitted.
   */
  keyId: z.string().nullable().optional(),
  /** Its batch and place in it ("12/50"), or null for a job queued on its own. */
  batch: BatchPlace.nullable(),
  clipId: z.string().nullable(),
  createdAt: z.number(),
  submittedAt: z.number().nullable(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  expiresAt: z.number().nullable(),
  updatedAt: z.number(),
});
export type Job = z.infer<typeof Job>;

export {
  isWaiting,
  holdsSlot,
  isOnServer,
  isBeingSaved,
  isPaidNotSaved,
  isEnded,
  isFailure,
  canRetry,
} from './jobStatus';

/** The engine as a whole, for the queue's banner. */
export const EngineState = z.object({
  paused: z.boolean(),
  offline: z.boolean(),
  /** Submissions wait for the user: no key, key refused, balance too low. */
  blockedBy: HoldReason.nullable(),
  message: z.string().nullable(),
  /** Submissions wait until then (429 or server trouble), ms since epoch. */
  retryAt: z.number().nullable(),
  downloadsPaused: z.string().nullable(),
  active: z.number().int(),
  concurrency: z.number().int(),
  /** Paid tasks on the server that no job owns (a lost create the app could not pin). */
  unclaimed: z.array(TaskCandidate),
  /**
   * The keys whose submissions wait for the user (refused, balance too low), each saying
   * why; `blockedBy` is set only when every key waits (with one key, as it always was).
   */
  keyHolds: z
    .array(z.object({ keyId: z.string(), reason: HoldReason, message: z.string() }))
    .optional(),
});
export type EngineState = z.infer<typeof EngineState>;

export const JobsChanged = z.object({
  upserted: z.array(Job),
  removed: z.array(z.string()),
  /** The full order of job ids, when it changed. */
  order: z.array(z.string()).nullable(),
});
export type JobsChanged = z.infer<typeof JobsChanged>;
