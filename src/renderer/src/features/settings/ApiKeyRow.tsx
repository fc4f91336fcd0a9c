import { useState, type FormEvent } from 'react';
import type { KeyView } from '../../../../shared/apiKeys';
import { errorText } from '../common/errors';
import { formatMoney, formatNumber } from '../common/format';
import { Select } from '../common/Select';
import { useKeysStore } from '../keys';
import { useTranslation } from '../../i18n';
import { KeyBudget } from './KeyBudget';

/** One key: its name and last four, how it stands, its slots, budget and spend; rename, remove. */
export function ApiKeyRow({ apiKey: key }: { apiKey: KeyView }) {
  const { t } = useTranslation('settings');
  const { update, remove } = useKeysStore.getState();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(key.name);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = (action: () => Promise<void>) => {
    setProblem(null);
    action().catch((error: unknown) => setProblem(errorText(error)));
  };
  const rename = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      await update(key.id, { name: name.trim() });
      setRenaming(false);
    });
  };

  return (
    <li className="key-row" aria-label={key.name}>
      {renaming ? (
        <form className="key-form" onSubmit={rename}>
          <label className="field">
            <span>{t('keys.renameLabel', { name: key.name })}</span>
            <input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="submit" disabled={name.trim() === ''}>
            {t('keys.saveName')}
          </button>
          <button type="button" onClick={() => setRenaming(false)}>
            {t('keys.cancel')}
          </button>
        </form>
      ) : (
        <p className="key-name">
          <strong>{key.name}</strong> <span>{t('keys.lastFour', { lastFour: key.lastFour })}</span>{' '}
          <span className={`key-state key-state-${key.state}`}>{t(`keys.state.${key.state}`)}</span>
        </p>
      )}
      <p className="hint">
        {key.dailyBudgetCents === null
          ? t('keys.noBudget')
          : t('keys.budget', { amount: formatMoney(key.dailyBudgetCents) })}{' '}
        {t('keys.spentToday', { amount: formatMoney(key.spentTodayCents) })}
      </p>
      <KeyBudget
        apiKey={key}
        save={(cents) => run(() => update(key.id, { dailyBudgetCents: cents }))}
      />
      <div className="key-actions">
        <Select
          label={t('keys.concurrency', { name: key.name })}
          className="field inline"
          value={String(key.concurrency)}
          options={[1, 2, 3, 4].map((n) => ({ value: String(n), label: formatNumber(n) }))}
          onChange={(n) => run(() => update(key.id, { concurrency: Number(n) }))}
        />
        {!renaming && (
          <button type="button" onClick={() => (setName(key.name), setRenaming(true))}>
            {t('keys.rename', { name: key.name })}
          </button>
        )}
        {confirming ? (
          <span className="confirm" role="group" aria-label={t('keys.remove', { name: key.name })}>
            <span>{t('keys.removeQuestion', { name: key.name })}</span>
            <button type="button" className="danger" onClick={() => run(() => remove(key.id))}>
              {t('keys.removeYes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('keys.keep')}
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('keys.remove', { name: key.name })}
          </button>
        )}
      </div>
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}
