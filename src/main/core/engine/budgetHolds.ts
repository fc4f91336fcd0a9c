import type { JobRecord } from './jobRecord';
import type { JobRepository } from './jobRepository';

/** What of the engine these need (a part of `ActionHost`). */
interface BudgetHost {
  readonly repo: JobRepository;
  change(id: string, patch: Partial<JobRecord>): JobRecord;
  emitState(): void;
  pump(): void;
}

const heldByBudget = (record: JobRecord) =>
  record.status === 'held' && record.holdReason === 'budget';

/**
 * The user released jobs the daily budget held: that means "run it anyway, past today's
 * budget", so the consent is recorded on each (durably) before the engine puts them back in
 * line — otherwise the next look at the queue would hold them again at once.
 */
export function consentPastBudget(host: BudgetHost, ids?: readonly string[]): void {
  for (const record of host.repo.all()) {
    if (heldByBudget(record) && (!ids || ids.includes(record.id)))
      host.change(record.id, { pastBudget: true });
  }
}

/**
 * The daily budget setting changed (raised, removed or lowered): the jobs it held go back
 * in line without any consent, to be judged again against the new budget.
 */
export function rejudgeBudgetHolds(host: BudgetHost): void {
  const held = host.repo.all().filter(heldByBudget);
  for (const record of held)
    host.change(record.id, { status: 'queued', holdReason: null, error: null });
  if (held.length === 0) return;
  host.emitState();
  host.pump();
}
