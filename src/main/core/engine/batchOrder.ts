import { isWaiting } from '../../../shared/jobs';
import type { JobRecord } from './jobRecord';

export type BatchMoveTarget = 'top' | 'bottom' | 'up' | 'down';

/**
 * Where a batch's waiting jobs go, together, among the other waiting jobs: before all of
 * them, after all of them, or past the neighbour before (after) them — a whole batch when
 * the neighbour is in one, else one job. Jobs already submitted keep their places. Returns
 * the queue's new order and the jobs moved, or null when nothing would move.
 */
export function batchMove(
  records: readonly JobRecord[],
  batchId: string,
  to: BatchMoveTarget,
): { order: JobRecord[]; moved: JobRecord[] } | null {
  const waiting = records.filter((r) => isWaiting(r.status));
  const moved = waiting.filter((r) => r.batch?.id === batchId);
  const others = waiting.filter((r) => r.batch?.id !== batchId);
  if (moved.length === 0 || others.length === 0) return null;
  const before = (r: JobRecord) => waiting.indexOf(r) < waiting.indexOf(moved[0]!);
  const after = (r: JobRecord) => waiting.indexOf(r) > waiting.indexOf(moved.at(-1)!);
  let anchor: { job: JobRecord; side: 'before' | 'after' } | null = null;
  if (to === 'top') anchor = { job: others[0]!, side: 'before' };
  else if (to === 'bottom') anchor = { job: others.at(-1)!, side: 'after' };
  else if (to === 'up') {
    const at = others.findLastIndex(before);
    if (at >= 0) anchor = { job: others[unitEdge(others, at, -1)]!, side: 'before' };
  } else {
    const at = others.findIndex(after);
    if (at >= 0) anchor = { job: others[unitEdge(others, at, 1)]!, side: 'after' };
  }
  if (!anchor) return null;
  const rest = records.filter((r) => !moved.includes(r));
  const slot = rest.indexOf(anchor.job) + (anchor.side === 'after' ? 1 : 0);
  const order = [...rest.slice(0, slot), ...moved, ...rest.slice(slot)];
  return order.every((r, i) => r === records[i]) ? null : { order, moved };
}

/** The far end of the run of jobs of one batch that `others[at]` is in, going `step`. */
function unitEdge(others: readonly JobRecord[], at: number, step: 1 | -1): number {
  const id = others[at]!.batch?.id;
  if (id === undefined) return at;
  let edge = at;
  while (others[edge + step]?.batch?.id === id) edge += step;
  return edge;
}
