import { useTranslation } from '../../i18n';
import { formatMoney } from '../common/format';
import { useLedgerStore } from '../ledger';

type Row = 'today' | 'month' | 'total' | 'refundedToday' | 'refunded' | 'demo';

/** What the ledger says was spent: net of refunds, the figure the daily budget guards. */
export function SpendingTotals() {
  const { t } = useTranslation(['settings', 'common']);
  const totals = useLedgerStore((s) => s.totals);
  const error = useLedgerStore((s) => s.error);
  if (error)
    return (
      <p className="inline-error" role="alert">
        {error}
      </p>
    );
  if (!totals) return <p className="hint">{t('common:loading')}</p>;
  const rows: [Row, number][] = [
    ['today', totals.todayCents],
    ['month', totals.monthCents],
    ['total', totals.totalCents],
    ['refundedToday', totals.todayRefundsCents],
    ['refunded', totals.refundsCents],
    // The demo is free: shown apart, counted in none of the figures above.
    ...(totals.demoCents !== 0 ? [['demo', totals.demoCents] as [Row, number]] : []),
  ];
  return (
    <dl className="totals" aria-label={t('spending.label')}>
      {rows.map(([row, cents]) => (
        <div key={row}>
          <dt>{t(`spending.${row}`)}</dt>
          <dd>{formatMoney(cents)}</dd>
        </div>
      ))}
    </dl>
  );
}
