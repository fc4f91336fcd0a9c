import { z } from 'zod';

/** What the ledger shows: spend and refunds, real and demo apart. */
export const LedgerTotals = z.object({
  /** Net spend today (debits − refunds), the figure the daily budget guards. */
  todayCents: z.number(),
  monthCents: z.number(),
  totalCents: z.number(),
  refundsCents: z.number(),
  todayRefundsCents: z.number(),
  /** Net spend in the demo: free, and counted in none of the figures above. */
  demoCents: z.number(),
});
export type LedgerTotals = z.infer<typeof LedgerTotals>;
