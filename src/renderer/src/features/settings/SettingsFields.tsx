import { useState, type FormEvent } from 'react';
import { apiBaseProblem, DEFAULT_API_BASE } from '../../../../shared/settings';
import { failureText } from '../common/errors';
import { parseBudget } from './budgetText';
import { useSettingsStore } from './settingsStore';

/** The same rule main applies (`apiBaseProblem`): https, or plain http on this computer only. */
export function ApiBaseField({
  value,
  hasApiKey,
  onSave,
}: {
  value: string;
  hasApiKey: boolean;
  onSave: (url: string) => void;
}) {
  const [text, setText] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const url = text.trim().replace(/\/+$/, '');
    const refused = apiBaseProblem(url);
    setProblem(refused);
    if (!refused) onSave(url);
  };
  const otherOrigin =
    hasApiKey && URL.canParse(text.trim()) && new URL(text.trim()).origin !== new URL(value).origin;
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <label className="field grow">
        <span>API base URL</span>
        <input
          type="url"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setProblem(null);
          }}
          spellCheck={false}
        />
      </label>
      <button type="submit" disabled={text.trim() === value}>
        Save URL
      </button>
      {value !== DEFAULT_API_BASE && (
        <button type="button" onClick={() => onSave(DEFAULT_API_BASE)}>
          Use {DEFAULT_API_BASE}
        </button>
      )}
      {otherOrigin && (
        <p className="hint">
          The key is sent only where it was checked: saving another address forgets it, and you
          enter it again.
        </p>
      )}
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

export function BudgetField({
  cents,
  onSave,
}: {
  cents: number | null;
  onSave: (cents: number | null) => void;
}) {
  const [text, setText] = useState(cents === null ? '' : (cents / 100).toFixed(2));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const budget = parseBudget(text);
    if ('problem' in budget) return setProblem(budget.problem);
    setProblem(null);
    onSave(budget.cents);
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <label className="field">
        <span>Daily budget (USD)</span>
        <input
          inputMode="decimal"
          placeholder="No limit"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setProblem(null);
          }}
        />
      </label>
      <button type="submit">Save budget</button>
      <p className="hint">
        Jobs that would pass it are held: run them anyway from the queue, or change the budget and
        they are judged again. Empty for no limit.
      </p>
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}

/**
 * Starting the demo takes a moment (main starts its simulator and lists its models): the
 * switch waits, says so, and then says where the app is.
 */
export function DemoSwitch({ on }: { on: boolean }) {
  const update = useSettingsStore((s) => s.update);
  const [pending, setPending] = useState<boolean | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const toggle = (demo: boolean) => {
    setPending(demo);
    setOutcome(null);
    setProblem(null);
    update({ demo })
      .then(() => setOutcome(demo ? 'The demo is on.' : 'The demo is off.'))
      .catch((error: unknown) =>
        setProblem(
          failureText(demo ? 'The demo could not start' : 'The demo could not stop', error),
        ),
      )
      .finally(() => setPending(null));
  };
  const busy = pending !== null;
  return (
    <>
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          checked={pending ?? on}
          disabled={busy}
          aria-busy={busy}
          onChange={(e) => toggle(e.target.checked)}
        />
        <span>Demo mode</span>
      </label>
      <p className="hint" role="status">
        {pending === true
          ? 'Starting the demo…'
          : pending === false
            ? 'Leaving the demo…'
            : outcome}
      </p>
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
