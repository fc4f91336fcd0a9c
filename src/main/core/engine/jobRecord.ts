import { createHash } from 'node:crypto';
import { z } from 'zod';
import { FIRST_KEY_ID } from '../../../shared/apiKeys';
import { BatchPlace } from '../../../shared/jobBatches';
import { Job, JobCheck, type JobRequest } from '../../../shared/jobs';

/**
 * A job as main persists it: the UI's view plus what must never leave main — the signed
 * result URLs — and what the never-twice rule needs: the request's fingerprint and the
 * time of the submission attempt.
 */
export const JobRecord = Job.extend({
  // Records written before the check existed have none.
  check: JobCheck.nullable().default(null),
  demo: z.boolean().default(false),
  // Records written before batches existed belong to none.
  batch: BatchPlace.nullable().default(null),
  /** The demo run it was submitted in: a restart starts a new demo, without its tasks. */
  demoSession: z.string().nullable().default(null),
  fingerprint: z.string(),
  attemptAt: z.number().nullable(),
  resultUrl: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
  /** The task ever reached `completed`. */
  everCompleted: z.boolean(),
  /** How often the server's list was searched for this job's task since the attempt. */
  looks: z.number().int().nonnegative().default(0),
  /** When to search again (ms since epoch); null: at the next chance. */
  lookAt: z.number().nullable().default(null),
  /**
   * The user released it from a budget hold: it runs even past today's budget. Kept on the
   * job, so neither the next look at the queue nor a restart holds it again.
   */
  pastBudget: z.boolean().default(false),
  /** See Job.keyId; records written before there were several keys have none. */
  keyId: z.string().nullable().default(null),
  /** The user pinned it to `keyId`: a retry goes to the same key. */
  pinned: z.boolean().default(false),
});
export type JobRecord = z.infer<typeof JobRecord>;

export function toView(record: JobRecord): Job {
  const {
    fingerprint: _f,
    attemptAt: _a,
    resultUrl: _r,
    thumbnailUrl: _t,
    everCompleted: _e,
    looks: _l,
    lookAt: _la,
    demoSession: _d,
    pastBudget: _pb,
    pinned: _p,
    ...view
  } = record;
  return view;
}

export function fingerprint(request: JobRequest): string {
  const canonical = JSON.stringify([
    request.model,
    request.prompt,
    request.mode,
    request.durationSeconds,
    request.aspectRatio ?? null,
    request.quality ?? null,
    request.seed ?? null,
    request.sound ?? null,
    request.inputImages,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export function newRecord(
  id: string,
  request: JobRequest,
  now: number,
  retryOf: string | null,
  batch: BatchPlace | null = null,
  keyId: string | null = null,
): JobRecord {
  return {
    id,
    request,
    status: 'queued',
    holdReason: null,
    taskId: null,
    progress: null,
    costCents: null,
    refunded: false,
    error: null,
    retryOf,
    batch,
    clipId: null,
    createdAt: now,
    submittedAt: null,
    startedAt: null,
    finishedAt: null,
    expiresAt: null,
    updatedAt: now,
    fingerprint: fingerprint(request),
    attemptAt: null,
    resultUrl: null,
    thumbnailUrl: null,
    everCompleted: false,
    check: null,
    demo: false,
    demoSession: null,
    looks: 0,
    lookAt: null,
    pastBudget: false,
    keyId,
    pinned: keyId !== null,
  };
}

/** The key a submitted job is bound to: jobs of earlier versions were all the first key's. */
export const keyOf = (record: { keyId?: string | null }): string => record.keyId ?? FIRST_KEY_ID;
