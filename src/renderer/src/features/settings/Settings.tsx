import { useState, type FormEvent } from 'react';
import { apiBaseProblem, DEFAULT_API_BASE, type SettingsPatch } from '../../../../shared/settings';
import { errorText } from '../common/errors';
import { LibraryFolder } from '../library';
import { ApiKeyField } from './ApiKeyField';
import { useSettingsStore, useSettingsView } from './settingsStore';
import { SpendingTotals } from './SpendingTotals';
import './settings.css';

/** Key, API base, demo, notifications, concurrency, budget, library folder and spending. */
export function Settings() {
  const view = useSettingsView();
  const loadError = useSettingsStore((s) => s.error);
  const update = useSettingsStore((s) => s.update);
  const [problem, setProblem] = useState<string | null>(null);

  if (!view)
    return loadError ? (
      <p className="inline-error" role="alert">
        {loadError}
      </p>
    ) : (
      <p className="hint">Loading settings…</p>
    );
  const { settings } = view;
  const change = (patch: SettingsPatch) => {
    setProblem(null);
    update(patch).catch((error: unknown) => setProblem(`Not saved: ${errorText(error)}`));
  };

  return (
    <section className="settings" aria-label="Settings">
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
      <fieldset>
        <legend>API</legend>
        <ApiKeyField />
        <ApiBaseField
          key={settings.apiBase}
          value={settings.apiBase}
          hasApiKey={view.hasApiKey}
          onSave={(apiBase) => change({ apiBase })}
        />
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={settings.demo}
            onChange={(e) => change({ demo: e.target.checked })}
          />
          <span>Demo mode</span>
        </label>
        <p className="hint">
          The demo runs a built-in simulator of api.airforce: no key, no charges, sample clips. Turn
          it off to use your key.
        </p>
      </fieldset>

      <fieldset>
        <legend>Queue</legend>
        <label className="field inline">
          <span>Concurrent tasks</span>
          <select
            value={settings.concurrency}
            onChange={(e) => change({ concurrency: Number(e.target.value) })}
          >
            {[1, 2, 3, 4].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <p className="hint">
          How many jobs run on the server at once; api.airforce allows at most 4 per key.
        </p>
        <BudgetField
          key={String(settings.dailyBudgetCents)}
          cents={settings.dailyBudgetCents}
          onSave={(dailyBudgetCents) => change({ dailyBudgetCents })}
        />
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={settings.notifications}
            onChange={(e) => change({ notifications: e.target.checked })}
          />
          <span>Notifications</span>
        </label>
        <p className="hint">Say when a clip is ready, or a job failed or expired.</p>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={settings.runInBackground}
            onChange={(e) => change({ runInBackground: e.target.checked })}
          />
          <span>Keep working in the background</span>
        </label>
        <p className="hint">
          Closing the window keeps Airframe in the tray while jobs are unfinished, so their clips
          are still saved.
        </p>
      </fieldset>

      <fieldset>
        <legend>Library</legend>
        <LibraryFolder />
      </fieldset>

      <fieldset>
        <legend>Spending</legend>
        <SpendingTotals />
      </fieldset>
    </section>
  );
}

/** The same rule main applies (`apiBaseProblem`): https, or plain http on this computer only. */
function ApiBaseField({
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
          onChange={(e) => setText(e.target.value)}
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

function BudgetField({
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
    const trimmed = text.trim().replace(/^\$/, '');
    if (trimmed === '') return onSave(null);
    const dollars = Number(trimmed);
    if (!Number.isFinite(dollars) || dollars <= 0)
      return setProblem(
        'Enter an amount in dollars, such as 5 or 12.50, or leave it empty for no limit.',
      );
    setProblem(null);
    onSave(Math.round(dollars * 100));
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <label className="field">
        <span>Daily budget (USD)</span>
        <input
          inputMode="decimal"
          placeholder="No limit"
          value={text}
          onChange={(e) => setText(e.target.value)}
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
