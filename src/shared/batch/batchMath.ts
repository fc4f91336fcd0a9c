/**
 * The two numbers the batch preview shows beside its total: how long the batch will take at
 * the current concurrency, and whether it fits in what is left of today's budget.
 */

/**
 * Time for `plannedCount` jobs when `concurrency` run at once and each takes `perJobMs` (the
 * learnt estimate): they go in rounds of `concurrency`, so ceil(n / concurrency) rounds.
 */
export function estimateDurationMs(
  plannedCount: number,
  concurrency: number,
  perJobMs: number,
): number {
  if (plannedCount <= 0 || perJobMs <= 0) return 0;
  const slots = Math.max(1, Math.floor(concurrency) || 1);
  return Math.ceil(plannedCount / slots) * perJobMs;
}

export interface BudgetCheck {
  /** The whole batch can be paid within today's budget (always, without a budget). */
  fits: boolean;
  /** How far the batch would take today's spend past the budget; 0 when it fits. */
  overByCents: number;
  /** What is left of today's budget before the batch; null without a budget. */
  remainingCents: number | null;
}

/**
 * The daily budget checked for the batch as a whole, the way the engine admits each job:
 * spent + cost may reach the budget but not pass it.
 */
export function budgetCheck(
  totalCents: number,
  spentTodayCents: number,
  dailyBudgetCents: number | null,
): BudgetCheck {
  if (dailyBudgetCents === null) return { fits: true, overByCents: 0, remainingCents: null };
  const overByCents = Math.max(0, spentTodayCents + totalCents - dailyBudgetCents);
  return {
    fits: overByCents === 0,
    overByCents,
    remainingCents: Math.max(0, dailyBudgetCents - spentTodayCents),
  };
}
