import { z } from 'zod';
import type { LedgerTotals } from '../../../shared/engine';
import type { KeyValueStore } from '../ports';

const KEY = 'engine.ledger.v1';

const Entry = z.object({
  kind: z.enum(['debit', 'refund']),
  jobId: z.string(),
  taskId: z.string(),
  cents: z.number().nonnegative(),
  at: z.number(),
});
type Entry = z.infer<typeof Entry>;


/**
 * What was paid and refunded, per task. Recording is idempotent per (task, kind), so a
 * task adopted after a crash or seen twice is never counted twice.
 */
export class Ledger {
  private entries: Entry[];

  constructor(private readonly store: KeyValueStore) {
    const parsed = z.array(Entry).safeParse(store.get(KEY) ?? []);
    this.entries = parsed.success ? parsed.data : [];
  }

  debit(jobId: string, taskId: string, cents: number, at: number): boolean {
    return this.record({ kind: 'debit', jobId, taskId, cents, at });
  }

  /** Refunds what was debited for the task; nothing if it was never debited. */
  refund(jobId: string, taskId: string, at: number): boolean {
    const debit = this.entries.find((e) => e.kind === 'debit' && e.taskId === taskId);
    if (!debit) return false;
    return this.record({ kind: 'refund', jobId, taskId, cents: debit.cents, at });
  }

  totals(now: number): LedgerTotals {
    const today = dayOf(now);
    const month = today.slice(0, 7);
    const totals: LedgerTotals = { todayCents: 0, monthCents: 0, totalCents: 0, refundsCents: 0, todayRefundsCents: 0 };
    for (const entry of this.entries) {
      const signed = entry.kind === 'debit' ? entry.cents : -entry.cents;
      const day = dayOf(entry.at);
      totals.totalCents += signed;
      if (day === today) totals.todayCents += signed;
      if (day.startsWith(month)) totals.monthCents += signed;
      if (entry.kind === 'refund') {
        totals.refundsCents += entry.cents;
        if (day === today) totals.todayRefundsCents += entry.cents;
      }
    }
    return totals;
  }

  private record(entry: Entry): boolean {
    if (this.entries.some((e) => e.kind === entry.kind && e.taskId === entry.taskId)) return false;
    this.entries.push(entry);
    this.store.set(KEY, this.entries);
    return true;
  }
}

/** The user's local calendar day, which is what "today" means to them. */
function dayOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
