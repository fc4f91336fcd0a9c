import { FIRST_KEY_ID } from '../../../shared/apiKeys';
import { holdsSlot } from '../../../shared/jobs';
import { english, type Translate } from '../i18n';
import { keyOf, type JobRecord } from './jobRecord';

/** A key that may take submissions now, with its limits (issue 18). */
export interface KeySlots {
  id: string;
  /** How many of its tasks may hold a slot at once (the provider allows 4 per key). */
  concurrency: number;
  /** What it may spend a day; null: no limit of its own. */
  dailyBudgetCents: number | null;
  spentTodayCents: number;
}

export interface Admission {
  /** Queued jobs to submit now, in queue order. */
  submit: string[];
  /** Queued jobs the daily budget holds, with the reason. */
  overBudget: { id: string; message: string }[];
}

export interface KeyedAdmission extends Admission {
  /** The key each job to submit goes out with. */
  keyFor: Map<string, string>;
}

interface Limits {
  /** The keys that take submissions now; without them, one key of `concurrency` slots. */
  keys?: readonly KeySlots[];
  concurrency?: number;
  dailyBudgetCents: number | null;
  spentTodayCents: number;
  /** Batches whose waiting jobs wait: paused by the user, or stopped by a failure. */
  pausedBatches?: ReadonlySet<string>;
  /** The hold's wording (English when not given). */
  t?: Translate;
}

/** As `admitWithKeys`, for one key: which jobs to submit and which the budget holds. */
export function admit(
  records: readonly JobRecord[],
  busy: ReadonlySet<string>,
  limits: Limits,
): Admission {
  const { submit, overBudget } = admitWithKeys(records, busy, limits);
  return { submit, overBudget };
}

/**
 * Which waiting jobs may be submitted now, and with which key: in queue order, each to its
 * key (pinned, or bound by an earlier attempt) or else the first key with a free slot and room in its own budget, while any
 * key has a free slot; each within what is left of today's overall budget (a job of unknown
 * cost is held when a budget is set: a guard that lets unknown costs through guards
 * nothing). A job whose key is full waits, and the jobs behind it go to other keys; so do
 * the jobs behind a paused batch's. `keys` are those not blocked, the first key first.
 */
export function admitWithKeys(
  records: readonly JobRecord[],
  busy: ReadonlySet<string>,
  limits: Limits,
): KeyedAdmission {
  const t = limits.t ?? english.t;
  const admission: KeyedAdmission = { submit: [], keyFor: new Map(), overBudget: [] };
  const keys = limits.keys ?? [
    {
      id: FIRST_KEY_ID,
      concurrency: limits.concurrency ?? 0,
      dailyBudgetCents: null,
      spentTodayCents: 0,
    },
  ];
  const active = new Map(keys.map((key) => [key.id, 0]));
  for (const record of records) {
    const id = keyOf(record);
    if (holdsSlot(record.status) && active.has(id)) active.set(id, active.get(id)! + 1);
  }
  const spent = new Map(keys.map((key) => [key.id, key.spentTodayCents]));
  const free = (key: KeySlots) => active.get(key.id)! < key.concurrency;
  let committed = limits.spentTodayCents;
  for (const record of records) {
    if (!keys.some(free)) break;
    if (record.status !== 'queued' || busy.has(record.id)) continue;
    if (record.batch && limits.pausedBatches?.has(record.batch.id)) continue;
    const open = keys.filter((k) => free(k) && (!record.keyId || k.id === record.keyId));
    if (open.length === 0) continue;
    const cost = record.costCents;
    // A job the user released from a budget hold runs anyway (`pastBudget`), and counts.
    const budget = record.pastBudget ? null : limits.dailyBudgetCents;
    if (budget !== null && (cost === null || committed + cost > budget)) {
      const message = t(cost === null ? 'job.costUnknown' : 'job.overBudget');
      admission.overBudget.push({ id: record.id, message });
      continue;
    }
    const key = open.find(
      (k) =>
        record.pastBudget ||
        k.dailyBudgetCents === null ||
        (cost !== null && spent.get(k.id)! + cost <= k.dailyBudgetCents),
    );
    if (!key) {
      const message = t(cost === null ? 'job.costUnknown' : 'job.overKeyBudget');
      admission.overBudget.push({ id: record.id, message });
      continue;
    }
    committed += cost ?? 0;
    spent.set(key.id, spent.get(key.id)! + (cost ?? 0));
    active.set(key.id, active.get(key.id)! + 1);
    admission.submit.push(record.id);
    admission.keyFor.set(record.id, key.id);
  }
  return admission;
}
