import { formatCents } from '../../../../shared/rules';
import { useLedgerStore } from '../ledger';

/** What the ledger says was spent: net of refunds, the figure the daily budget guards. */
export function SpendingTotals() {
  const totals = useLedgerStore((s) => s.totals);
  const error = useLedgerStore((s) => s.error);
  if (error)
    return (
      <p className="inline-error" role="alert">
        {error}
      </p>
    );
  if (!totals) return <p className="hint">Loading…</p>;
  const rows: [string, number][] = [
    ['Today', totals.todayCents],
    ['This month', totals.monthCents],
    ['All time', totals.totalCents],
    ['Refunded today', totals.todayRefundsCents],
    ['Refunded in all', totals.refundsCents],
    // The demo is free: shown apart, counted in none of the figures above.
    ...(totals.demoCents !== 0
      ? [['In the demo (free)', totals.demoCents] as [string, number]]
      : []),
  ];
  return (
    <dl className="totals" aria-label="Spending">
      {rows.map(([label, cents]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{formatCents(cents)}</dd>
        </div>
      ))}
    </dl>
  );
}
