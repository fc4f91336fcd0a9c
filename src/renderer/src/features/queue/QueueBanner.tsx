import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { EngineState } from '../../../../shared/jobs';
import { formatCents } from '../../../../shared/rules';
import { errorText } from '../common/errors';
import { formatTime } from '../common/format';
import { useEngineState, useJobsStore } from '../jobs';
import { useLedgerTotals } from '../ledger';
import { useSettingsView } from '../settings';
import { holdReasonText } from './jobView';
import { useGo } from '../nav';

/** Says why the queue is not moving, and offers what would move it. */
export function QueueBanner() {
  const engine = useEngineState();
  const heldIds = useJobsStore(
    useShallow((s) => s.order.filter((id) => s.byId[id]?.status === 'held')),
  );
  // Releasing these means "run them anyway, past today's budget": main records that consent.
  const budgetIds = useJobsStore(
    useShallow((s) => heldIds.filter((id) => s.byId[id]?.holdReason === 'budget')),
  );
  const heldReasons = new Set(
    useJobsStore(
      useShallow((s) =>
        heldIds.flatMap((id) => (s.byId[id]?.holdReason ? [s.byId[id].holdReason] : [])),
      ),
    ),
  );
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
      Release held jobs ({held})
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
          <span>
            The queue is paused: nothing new is submitted. Jobs already on the server carry on.
            Resume queue sends the waiting ones.
          </span>
        </div>
      )}
      {engine.blockedBy === 'no-key' && (
        <div className="banner warn" role="alert">
          <span>
            Jobs are held: no API key is saved. Save one in Settings, or turn on the demo.
          </span>
          <button type="button" onClick={() => go('Settings')}>
            Open settings
          </button>
        </div>
      )}
      {engine.blockedBy === 'key-rejected' && (
        <div className="banner error" role="alert">
          <span>
            Jobs are held: the API refused the key{engine.message ? ` (${engine.message})` : ''}.
            Replace it in Settings.
          </span>
          <button type="button" onClick={() => go('Settings')}>
            Open settings
          </button>
        </div>
      )}
      {engine.blockedBy === 'balance' && (
        <div className="banner error" role="alert">
          <span>
            Jobs are held: the balance is too low{engine.message ? ` (${engine.message})` : ''}. Top
            up your api.airforce account, then release them.
          </span>
          {releaseButton}
        </div>
      )}
      {budgetHeld > 0 && (
        <div className="banner warn" role="alert">
          <span>
            {`${budgetHeld} job${budgetHeld > 1 ? 's are' : ' is'} held: with today's spending${ledger ? ` (${formatCents(ledger.todayCents)})` : ''} ${budgetHeld > 1 ? 'they' : 'it'} would pass the daily budget${budget !== null ? ` of ${formatCents(budget)}` : ''}. Run ${budgetHeld > 1 ? 'them' : 'it'} anyway (past today's budget), or raise the budget in Settings.`}
          </span>
          <button type="button" onClick={() => run(() => release(budgetIds))}>
            Run anyway ({budgetHeld})
          </button>
          <button type="button" onClick={() => go('Settings')}>
            Raise the budget in Settings
          </button>
        </div>
      )}
      {otherHold && (
        <div className="banner warn" role="alert">
          <span>
            {`${held} job${held > 1 ? 's are' : ' is'} held: ${otherReasons.map((r) => holdReasonText[r]).join(', ') || 'waiting for you'}.`}
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

function describe(engine: EngineState): string[] {
  const out: string[] = [];
  if (engine.offline)
    out.push(
      'Offline: the API cannot be reached. Jobs carry on by themselves when the connection returns.',
    );
  if (engine.retryAt !== null && engine.retryAt > Date.now()) {
    out.push(
      `The API asked us to slow down${engine.message && !engine.blockedBy ? ` (${engine.message})` : ''}; submissions resume at ${formatTime(engine.retryAt)}.`,
    );
  } else if (engine.message && !engine.blockedBy && !engine.offline) {
    out.push(engine.message);
  }
  if (engine.downloadsPaused)
    out.push(
      `Downloads are paused: ${engine.downloadsPaused}. Finished clips stay on the server until they can be saved.`,
    );
  return out;
}
