import { holdsSlot } from '../../../shared/jobs';
import { english, type Translate } from '../i18n';
import type { JobRecord } from './jobRecord';

export interface Admission {
  /** Queued jobs to submit now, in queue order. */
  submit: string[];
  /** Queued jobs the daily budget holds, with the reason. */
  overBudget: { id: string; message: string }[];
}

/**
 * Which waiting jobs may be submitted now: in queue order, while fewer than `concurrency`
 * hold a slot, each within what is left of today's budget (a job of unknown cost is held
 * when a budget is set: a guard that lets unknown costs through guards nothing). The jobs
 * of a paused batch are passed over: the jobs behind them go first.
 */
export function admit(
  records: readonly JobRecord[],
  busy: ReadonlySet<string>,
  limits: {
    concurrency: number;
    dailyBudgetCents: number | null;
    spentTodayCents: number;
    /** Batches whose waiting jobs wait: paused by the user, or stopped by a failure. */
    pausedBatches?: ReadonlySet<string>;
    /** The hold's wording (English when not given). */
    t?: Translate;
  },
): Admission {
  const t = limits.t ?? english.t;
  const admission: Admission = { submit: [], overBudget: [] };
  let active = records.filter((r) => holdsSlot(r.status)).length;
  let committed = limits.spentTodayCents;
  for (const record of records) {
    if (active >= limits.concurrency) break;
    if (record.status !== 'queued' || busy.has(record.id)) continue;
    if (record.batch && limits.pausedBatches?.has(record.batch.id)) continue;
    // A job the user released from a budget hold runs anyway (`pastBudget`), and counts.
    const budget = record.pastBudget ? null : limits.dailyBudgetCents;
    if (budget !== null && (record.costCents === null || committed + record.costCents > budget)) {
      const message = t(record.costCents === null ? 'job.costUnknown' : 'job.overBudget');
      admission.overBudget.push({ id: record.id, message });
      continue;
    }
    committed += record.costCents ?? 0;
    active += 1;
    admission.submit.push(record.id);
  }
  return admission;
}
