import type { Job } from '../../../../shared/jobs';

/**
 * Retry chains: a retry is a job of its own in main (each attempt has its task and its ledger
 * rows), and the queue shows the attempts as one row, the newest's. Walks cost the chain's
 * length, never the queue's.
 */
export interface ChainTable {
  readonly byId: Readonly<Record<string, Job>>;
  /** The retries of each retried job, by its id. */
  readonly retriedBy: ReadonlyMap<string, ReadonlySet<string>>;
  /** Where each job stands in the engine's order: a later retry stands later. */
  readonly position: ReadonlyMap<string, number>;
}

/** The rows (newest attempts) whose chain holds `id`, itself excepted: none if it is a row. */
export function headsOf(table: ChainTable, id: string): string[] {
  const heads: string[] = [];
  const seen = new Set([id]);
  const pending = [...(table.retriedBy.get(id) ?? [])];
  while (pending.length > 0) {
    const next = pending.pop() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    const later = table.retriedBy.get(next);
    if (later?.size) pending.push(...later);
    else if (table.byId[next]) heads.push(next);
  }
  return heads;
}

/** The row that shows `id`: its own, or the newest attempt of its chain. */
export function chainHead(table: ChainTable, id: string): string {
  let head = id;
  for (const other of headsOf(table, id))
    if (head === id || (table.position.get(other) ?? 0) > (table.position.get(head) ?? 0))
      head = other;
  return head;
}

/** The attempts before `id` still in the queue, newest first. */
export function earlierAttempts(table: ChainTable, id: string): Job[] {
  const attempts: Job[] = [];
  const seen = new Set([id]);
  let at = table.byId[id]?.retryOf ?? null;
  while (at !== null && !seen.has(at)) {
    seen.add(at);
    const job = table.byId[at];
    if (!job) break;
    attempts.push(job);
    at = job.retryOf;
  }
  return attempts;
}
