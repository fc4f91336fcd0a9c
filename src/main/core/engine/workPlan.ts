import { isOnServer } from '../../../shared/jobs';
import { keyOf, type JobRecord } from './jobRecord';

export interface WorkConditions {
  now: number;
  /** Jobs something is already running for. */
  busy: ReadonlySet<string>;
  /** No key, or the key was refused: nothing of that key's can reach the API. */
  keyProblem(keyId: string): boolean;
  online: boolean;
  /** Submissions wait (429, server trouble): lost creates are not looked for either. */
  submissionsWait: boolean;
  /** The world the engine talks to now: a task lives in the world it was made in. */
  demo: boolean;
  /** Is a create of this model, other than this job's, still unanswered? */
  createPending(model: string, jobId: string): boolean;
}

export interface WorkPlan {
  /** `submitting` jobs whose lost create to look for now. */
  reconcile: string[];
  /** Jobs whose task to follow. */
  follow: string[];
  /** The earliest later look (ms since epoch), or Infinity. */
  nextLook: number;
}

/**
 * What to resume now, from the jobs' state alone; the engine runs it. A lost create is
 * looked for at its time, and never while a create of the same model is unanswered (the
 * engine plans again when that answer comes).
 */
export function planWork(records: readonly JobRecord[], c: WorkConditions): WorkPlan {
  const plan: WorkPlan = { reconcile: [], follow: [], nextLook: Infinity };
  for (const record of records) {
    if (c.busy.has(record.id) || record.demo !== c.demo || c.keyProblem(keyOf(record))) continue;
    if (record.status === 'submitting' && c.online && !c.submissionsWait) {
      if (record.lookAt !== null && record.lookAt > c.now)
        plan.nextLook = Math.min(plan.nextLook, record.lookAt);
      else if (!c.createPending(record.request.model, record.id)) plan.reconcile.push(record.id);
    }
    if (isOnServer(record.status)) plan.follow.push(record.id);
  }
  return plan;
}
