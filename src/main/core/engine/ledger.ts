import { FIRST_KEY_ID } from '../../../shared/apiKeys';
import type { LedgerTotals } from '../../../shared/ledger';
import type { AppDatabase } from '../db/database';

interface Entry {
  kind: 'debit' | 'refund';
  jobId: string;
  taskId: string;
  cents: number;
  at: number;
  /** Spent in the demo (the built-in simulator): free, and kept out of the real totals. */
  demo: boolean;
  /** The API key that paid (issue 18); rows written before there were several: the first key. */
  keyId: string;
}

/** What one key spent: net of refunds, like the overall figures. */
export interface KeySpend {
  todayCents: number;
  monthCents: number;
  totalCents: number;
}

const SELECT =
  'SELECT kind, job_id AS jobId, task_id AS taskId, cents, at, demo, key_id AS keyId FROM ledger';

type Row = Omit<Entry, 'demo' | 'keyId'> & { demo: number; keyId: string | null };
const fromRow = (row: Row): Entry => ({
  ...row,
  demo: row.demo === 1,
  keyId: row.keyId ?? FIRST_KEY_ID,
});

/** The user's local calendar day and month, which is what "today" means to them. */
function periods(now: number) {
  const d = new Date(now);
  return {
    dayStart: new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime(),
    dayEnd: new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime(),
    monthStart: new Date(d.getFullYear(), d.getMonth(), 1).getTime(),
    monthEnd: new Date(d.getFullYear(), d.getMonth() + 1, 1).getTime(),
  };
}

function checkCents(cents: number): void {
  if (!Number.isFinite(cents) || cents < 0)
    throw new RangeError(`Not an amount of cents: ${cents}`);
}

/**
 * What was paid and refunded, per task: the append-only `ledger` table, at most one debit
 * and one refund per task (the table's UNIQUE constraint), so a task adopted after a crash
 * or seen twice is never counted twice. Every entry is on disk before it counts.
 */
export class Ledger {
  private readonly entries: Entry[] = [];
  private readonly debits = new Map<string, number>();
  private readonly refunds = new Map<string, number>();
  private readonly demoTasks = new Set<string>();
  private readonly keys = new Map<string, string>();

  constructor(private readonly db: AppDatabase) {
    for (const row of db.all<Row>(`${SELECT} ORDER BY id`)) this.remember(fromRow(row));
  }

  /** Records what the task cost; false when the task already has a debit. */
  debit(
    jobId: string,
    taskId: string,
    cents: number,
    at: number,
    demo = false,
    keyId: string = FIRST_KEY_ID,
  ): boolean {
    checkCents(cents);
    if (this.debits.has(taskId)) return false;
    return this.record({ kind: 'debit', jobId, taskId, cents, at, demo, keyId });
  }

  /**
   * Records a refund of `cents`, never more than was debited for the task; false when the
   * task was never debited or is already refunded.
   */
  refund(jobId: string, taskId: string, cents: number, at: number): boolean {
    checkCents(cents);
    const debited = this.debits.get(taskId);
    if (debited === undefined || this.refunds.has(taskId)) return false;
    const demo = this.demoTasks.has(taskId);
    // The key that paid is refunded.
    const keyId = this.keys.get(taskId) ?? FIRST_KEY_ID;
    return this.record({
      kind: 'refund',
      jobId,
      taskId,
      cents: Math.min(cents, debited),
      at,
      demo,
      keyId,
    });
  }

  /** What was debited for the task, or null when nothing was. */
  debitedCents(taskId: string): number | null {
    return this.debits.get(taskId) ?? null;
  }

  /** What was refunded for the task, or null when nothing was. */
  refundedCents(taskId: string): number | null {
    return this.refunds.get(taskId) ?? null;
  }

  /** What one key spent, real money only (the demo's is free). */
  spentBy(keyId: string, now: number): KeySpend {
    const { dayStart, dayEnd, monthStart, monthEnd } = periods(now);
    const spend: KeySpend = { todayCents: 0, monthCents: 0, totalCents: 0 };
    for (const { kind, cents, at, demo, keyId: payer } of this.entries) {
      if (demo || payer !== keyId) continue;
      const signed = kind === 'debit' ? cents : -cents;
      spend.totalCents += signed;
      if (at >= dayStart && at < dayEnd) spend.todayCents += signed;
      if (at >= monthStart && at < monthEnd) spend.monthCents += signed;
    }
    return spend;
  }

  totals(now: number): LedgerTotals {
    const { dayStart, dayEnd, monthStart, monthEnd } = periods(now);
    const totals: LedgerTotals = {
      todayCents: 0,
      monthCents: 0,
      totalCents: 0,
      refundsCents: 0,
      todayRefundsCents: 0,
      demoCents: 0,
    };
    for (const { kind, cents, at, demo } of this.entries) {
      const signed = kind === 'debit' ? cents : -cents;
      if (demo) {
        totals.demoCents += signed;
        continue;
      }
      const today = at >= dayStart && at < dayEnd;
      totals.totalCents += signed;
      if (today) totals.todayCents += signed;
      if (at >= monthStart && at < monthEnd) totals.monthCents += signed;
      if (kind === 'refund') {
        totals.refundsCents += cents;
        if (today) totals.todayRefundsCents += cents;
      }
    }
    return totals;
  }

  private record(entry: Entry): boolean {
    const { changes } = this.db.write(() =>
      this.db.run(
        'INSERT INTO ledger (kind, job_id, task_id, cents, at, demo, key_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (task_id, kind) DO NOTHING',
        entry.kind,
        entry.jobId,
        entry.taskId,
        entry.cents,
        entry.at,
        entry.demo ? 1 : 0,
        entry.keyId,
      ),
    );
    if (changes === 1) {
      this.remember(entry);
      return true;
    }
    // Another connection to the same file recorded it first: count the row it wrote.
    const stored = this.db.get<Row>(
      `${SELECT} WHERE task_id = ? AND kind = ?`,
      entry.taskId,
      entry.kind,
    );
    // Stryker disable next-line ConditionalExpression: the conflicting row always exists (the table is append-only); the guard only keeps a type honest
    if (stored) this.remember(fromRow(stored));
    return false;
  }

  private remember(entry: Entry): void {
    this.entries.push(entry);
    if (entry.demo) this.demoTasks.add(entry.taskId);
    if (entry.kind === 'debit') this.keys.set(entry.taskId, entry.keyId);
    (entry.kind === 'debit' ? this.debits : this.refunds).set(entry.taskId, entry.cents);
  }
}
