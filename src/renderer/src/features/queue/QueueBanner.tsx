import { useMemo, useState } from 'react';
import type { EngineState } from '../../../../shared/jobs';
import { i18n, useTranslation } from '../../i18n';
import { errorText } from '../common/errors';
import { formatMoney, formatTime } from '../common/format';
import { jobById, useEngineState, useJobsStore } from '../jobs';
import { useLedgerTotals } from '../ledger';
import { useSettingsView } from '../settings';
import { holdReasonText } from './jobView';
import { useGo } from '../nav';

/** Says why the queue is not moving, and offers what would move it. */
export function QueueBanner() {
  const { t } = useTranslation('queue');
  const engine = useEngineState();
  // Kept apart by the store and replaced whenever a held job changes: no walk over the queue.
  const heldIds = useJobsStore((s) => s.held);
  const { budgetIds, heldReasons } = useMemo(() => {
    const jobs = heldIds.flatMap((id) => jobById(id) ?? []);
    return {
      // Releasing these means "run them anyway, past today's budget": main records that consent.
      budgetIds: jobs.filter((j) => j.holdReason === 'budget').map((j) => j.id),
      heldReasons: new Set(jobs.flatMap((j) => (j.holdReason ? [j.holdReason] : []))),
    };
  }, [heldIds]);
  const settings = useSettingsView();
  const ledger = useLedgerTotals();
  const release = useJobsStore((s) => s.release);
  const go = useGo();
  const [problem, setProblem] = useState<string | null>(null);
  if (!engine) return null;

  const run = (what: () => Promise<void>) => {
    setProblem(null);
    what().catch((error: unknown) => setProblem(errorText(error)));
  };
  const otherIds = heldIds.filter((id) => !budgetIds.includes(id));
  const held = otherIds.length;
  const releaseButton = held > 0 && (
    <button type="button" onClick={() => run(() => release(otherIds))}>
      {t('banner.release', { n: held })}
    </button>
  );
  const messages = describe(engine);
  const explained =
    engine.blockedBy === 'balance' ||
    engine.blockedBy === 'no-key' ||
    engine.blockedBy === 'key-rejected';
  const budgetHeld = budgetIds.length;
  const otherHold = !explained && held > 0;
  const budget = settings?.settings.dailyBudgetCents ?? null;
  const otherReasons = [...heldReasons].filter((r) => r !== 'budget');

  return (
    <div className="queue-banners">
      {engine.paused && (
        // Resume queue is the toolbar's toggle, where Pause queue was: one button, not two.
        <div className="banner warn" role="status">
          <span>{t('banner.paused')}</span>
        </div>
      )}
      {engine.blockedBy === 'no-key' && (
        <div className="banner warn" role="alert">
          <span>{t('banner.noKey')}</span>
          <button type="button" onClick={() => go('Settings')}>
            {t('banner.openSettings')}
          </button>
        </div>
      )}
      {engine.blockedBy === 'key-rejected' && (
        <div className="banner error" role="alert">
          <span>
            {engine.message
              ? t('banner.keyRejectedWith', { message: engine.message })
              : t('banner.keyRejected')}
          </span>
          <button type="button" onClick={() => go('Settings')}>
            {t('banner.openSettings')}
          </button>
        </div>
      )}
      {engine.blockedBy === 'balance' && (
        <div className="banner error" role="alert">
          <span>
            {engine.message
              ? t('banner.balanceWith', { message: engine.message })
              : t('banner.balance')}
          </span>
          {releaseButton}
        </div>
      )}
      {budgetHeld > 0 && (
        <div className="banner warn" role="alert">
          <span>{budgetText(budgetHeld, ledger?.todayCents ?? null, budget)}</span>
          <button type="button" onClick={() => run(() => release(budgetIds))}>
            {t('banner.runAnyway', { n: budgetHeld })}
          </button>
          <button type="button" onClick={() => go('Settings')}>
            {t('banner.raiseBudget')}
          </button>
        </div>
      )}
      {otherHold && (
        <div className="banner warn" role="alert">
          <span>
            {otherReasons.length > 0
              ? t('banner.heldFor', {
                  count: held,
                  reasons: otherReasons.map(holdReasonText).join(', '),
                })
              : t('banner.heldWaiting', { count: held })}
          </span>
          {releaseButton}
        </div>
      )}
      {messages.map((m) => (
        <div key={m} className="banner info" role="status">
          <span>{m}</span>
        </div>
      ))}
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** The budget banner's sentence: with today's spending and the budget when they are known. */
function budgetText(count: number, spentCents: number | null, budgetCents: number | null): string {
  const spent = spentCents === null ? null : formatMoney(spentCents);
  const budget = budgetCents === null ? null : formatMoney(budgetCents);
  if (spent !== null && budget !== null)
    return i18n.t('queue:banner.budgetSpentOf', { count, spent, budget });
  if (spent !== null) return i18n.t('queue:banner.budgetSpent', { count, spent });
  if (budget !== null) return i18n.t('queue:banner.budgetOf', { count, budget });
  return i18n.t('queue:banner.budget', { count });
}

function describe(engine: EngineState): string[] {
  const out: string[] = [];
  if (engine.offline) out.push(i18n.t('queue:banner.offline'));
  if (engine.retryAt !== null && engine.retryAt > Date.now()) {
    const time = formatTime(engine.retryAt);
    out.push(
      engine.message && !engine.blockedBy
        ? i18n.t('queue:banner.slowDownWith', { message: engine.message, time })
        : i18n.t('queue:banner.slowDown', { time }),
    );
  } else if (engine.message && !engine.blockedBy && !engine.offline) {
    out.push(engine.message);
  }
  if (engine.downloadsPaused)
    out.push(i18n.t('queue:banner.downloadsPaused', { reason: engine.downloadsPaused }));
  return out;
}
