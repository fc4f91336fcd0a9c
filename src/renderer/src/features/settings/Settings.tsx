import { useState } from 'react';
import type { SettingsPatch } from '../../../../shared/settings';
import { failureText } from '../common/errors';
import { Select } from '../common/Select';
import { formatNumber } from '../common/format';
import { useAppStore } from '../app';
import { LibraryFolder } from '../library';
import { ApiKeyField } from './ApiKeyField';
import { ApiKeysList } from './ApiKeysList';
import { ApiBaseField, BudgetField, DemoSwitch } from './SettingsFields';
import { useSettingsStore, useSettingsView } from './settingsStore';
import { SpendingTotals } from './SpendingTotals';
import { ThemeSetting } from './ThemeSetting';
import { LanguageSetting } from './LanguageSetting';
import { useTranslation } from '../../i18n';
import './settings.css';

/** Key, API base, demo, notifications, concurrency, budget, library folder and spending. */
export function Settings() {
  const { t, i18n } = useTranslation('settings');
  const view = useSettingsView();
  const loadError = useSettingsStore((s) => s.error);
  const update = useSettingsStore((s) => s.update);
  const [problem, setProblem] = useState<string | null>(null);
  const tray = useAppStore((s) => s.info?.host === 'electron');

  if (!view)
    return loadError ? (
      <p className="inline-error" role="alert">
        {failureText(t('loadFailed'), loadError)}
      </p>
    ) : (
      <p className="hint">{t('loading')}</p>
    );
  const { settings } = view;
  const change = (patch: SettingsPatch) => {
    setProblem(null);
    update(patch).catch((error: unknown) => setProblem(failureText(t('notSaved'), error)));
  };

  return (
    <section className="settings" aria-label={t('heading')}>
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
      <fieldset>
        <legend>{t('api.legend')}</legend>
        <ApiKeyField />
        <ApiBaseField
          key={settings.apiBase}
          value={settings.apiBase}
          hasApiKey={view.hasApiKey}
          onSave={(apiBase) => change({ apiBase })}
        />
        <DemoSwitch on={settings.demo} />
        <p className="hint">{t('api.demoHint')}</p>
      </fieldset>

      {view.hasApiKey && <ApiKeysList />}

      <fieldset>
        <legend>{t('queue.legend')}</legend>
        <Select
          label={t('queue.concurrency')}
          className="field inline"
          value={String(settings.concurrency)}
          options={[1, 2, 3, 4].map((n) => ({ value: String(n), label: formatNumber(n) }))}
          onChange={(n) => change({ concurrency: Number(n) })}
        />
        <p className="hint">{t('queue.concurrencyHint')}</p>
        <BudgetField
          // Shown again in a new language's way of writing it ("1.50", "1,50").
          key={`${String(settings.dailyBudgetCents)} ${i18n.language}`}
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
          <span>{t('queue.notifications')}</span>
        </label>
        <p className="hint">{t('queue.notificationsHint')}</p>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={settings.drainSound}
            onChange={(e) => change({ drainSound: e.target.checked })}
          />
          <span>{t('queue.drainSound')}</span>
        </label>
        <p className="hint">{t('queue.drainSoundHint')}</p>
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
              <span>{t('queue.background')}</span>
            </label>
            <p className="hint">{t('queue.backgroundHint')}</p>
          </>
        )}
      </fieldset>

      <ThemeSetting theme={settings.theme} onChange={(theme) => change({ theme })} />
      <LanguageSetting language={settings.language} onChange={(language) => change({ language })} />

      <fieldset>
        <legend>{t('library.legend')}</legend>
        <LibraryFolder />
      </fieldset>

      <fieldset>
        <legend>{t('spending.legend')}</legend>
        <SpendingTotals />
      </fieldset>
    </section>
  );
}
