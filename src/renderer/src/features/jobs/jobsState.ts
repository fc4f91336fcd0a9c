import { isWaiting, type Job, type JobsChanged } from '../../../../shared/jobs';

/** The queue as the renderer holds it: jobs by id and the engine's order. */
export interface JobsData {
  byId: Record<string, Job>;
  order: string[];
}

export const emptyJobs: JobsData = { byId: {}, order: [] };

/**
 * The snapshot may race events (Electron answers and events travel on different channels):
 * a job is only ever replaced by a copy at least as recent.
 */
function newer(current: Job | undefined, incoming: Job): boolean {
  return !current || incoming.updatedAt >= current.updatedAt;
}

export function applySnapshot(data: JobsData, jobs: readonly Job[]): JobsData {
  const byId: Record<string, Job> = {};
  for (const job of jobs) {
    const current = data.byId[job.id];
    byId[job.id] = current && !newer(current, job) ? current : job;
  }
  return { byId, order: jobs.map((j) => j.id) };
}

export function applyChanged(data: JobsData, change: JobsChanged): JobsData {
  const byId = { ...data.byId };
  for (const id of change.removed) delete byId[id];
  for (const job of change.upserted) {
    if (newer(byId[job.id], job)) byId[job.id] = job;
  }
  let order = change.order ?? data.order;
  const known = new Set(order);
  const added = change.upserted.filter((j) => !known.has(j.id)).map((j) => j.id);
  order = [...order, ...added].filter((id) => byId[id] !== undefined);
  return { byId, order };
}

/** What everything still waiting will cost: the engine's `queuedCents`, computed locally. */
export function queuedCents(data: JobsData): number {
  let sum = 0;
  for (const id of data.order) {
    const job = data.byId[id];
    if (job && isWaiting(job.status)) sum += job.costCents ?? 0;
  }
  return sum;
}
