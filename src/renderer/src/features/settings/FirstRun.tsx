import { useState } from 'react';
import { failureText } from '../common/errors';
import { ApiKeyField } from './ApiKeyField';
import { useSettingsStore } from './settingsStore';
import { useTranslation } from '../../i18n';
import './settings.css';

/** No key and no demo: say what Airframe needs, and offer the demo to try it first. */
export function FirstRun({ onSkip }: { onSkip: () => void }) {
  const { t } = useTranslation('settings');
  const update = useSettingsStore((s) => s.update);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const startDemo = async () => {
    setBusy(true);
    try {
      await update({ demo: true });
    } catch (error) {
      setProblem(failureText(t('demo.couldNotStart'), error));
      setBusy(false);
    }
  };

  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t('firstRun.title')}</h2>
      <p>{t('firstRun.intro')}</p>
      <div className="first-run-options">
        <div className="card">
          <h3>{t('firstRun.useKey')}</h3>
          <ApiKeyField />
        </div>
        <div className="card">
          <h3>{t('firstRun.tryDemo')}</h3>
          <p>{t('firstRun.demoText')}</p>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void startDemo()}
          >
            {busy ? t('demo.starting') : t('firstRun.startDemo')}
          </button>
          {problem && (
            <p className="inline-error" role="alert">
              {problem}
            </p>
          )}
        </div>
      </div>
      <button type="button" className="link" onClick={onSkip}>
        {t('firstRun.lookAround')}
      </button>
    </section>
  );
}
