import { useState } from 'react';
import type { SettingsPatch } from '../../../../shared/settings';
import { failureText } from '../common/errors';
import { Select } from '../common/Select';
import { useAppStore } from '../app';
import { LibraryFolder } from '../library';
import { ApiKeyField } from './ApiKeyField';
import { ApiBaseField, BudgetField, DemoSwitch } from './SettingsFields';
import { useSettingsStore, useSettingsView } from './settingsStore';
import { SpendingTotals } from './SpendingTotals';
import { ThemeSetting } from './ThemeSetting';
import { LanguageSetting } from './LanguageSetting';
import './settings.css';

/** Key, API base, demo, notifications, concurrency, budget, library folder and spending. */
export function Settings() {
  const view = useSettingsView();
  const loadError = useSettingsStore((s) => s.error);
  const update = useSettingsStore((s) => s.update);
  const [problem, setProblem] = useState<string | null>(null);
  const tray = useAppStore((s) => s.info?.host === 'electron');

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
    update(patch).catch((error: unknown) => setProblem(failureText('Not saved', error)));
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
        <DemoSwitch on={settings.demo} />
        <p className="hint">
          The demo runs a built-in simulator of api.airforce: no key, no charges, sample clips. Turn
          it off to use your key.
        </p>
      </fieldset>

      <fieldset>
        <legend>Queue</legend>
        <Select
          label="Concurrent tasks"
          className="field inline"
          value={String(settings.concurrency)}
          options={['1', '2', '3', '4'].map((n) => ({ value: n, label: n }))}
          onChange={(n) => change({ concurrency: Number(n) })}
        />
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
        {/* The browser host has no tray: a tab does not run once closed. */}
        {tray && (
          <>
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
              Closing the window keeps Airframe in the tray while jobs are unfinished, so their
              clips are still saved.
            </p>
          </>
        )}
      </fieldset>

      <ThemeSetting theme={settings.theme} onChange={(theme) => change({ theme })} />
      <LanguageSetting language={settings.language} onChange={(language) => change({ language })} />

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
