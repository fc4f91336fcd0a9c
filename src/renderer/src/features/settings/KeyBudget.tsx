import { useState, type FormEvent } from 'react';
import type { KeyView } from '../../../../shared/apiKeys';
import { useTranslation } from '../../i18n';
import { budgetText, parseBudget } from './budgetText';

interface KeyBudgetProps {
  apiKey: KeyView;
  /** Saves the key's budget (null: no limit of its own); what it throws is shown by the row. */
  save: (cents: number | null) => void;
}

/** A key's own daily budget, typed as the global one is ("12.50" or "12,50"; empty for none). */
export function KeyBudget({ apiKey: key, save }: KeyBudgetProps) {
  const { t } = useTranslation('settings');
  const [text, setText] = useState(() => budgetText(key.dailyBudgetCents));
  const [problem, setProblem] = useState<string | null>(null);
  const parsed = parseBudget(text);
  const unchanged = 'cents' in parsed && parsed.cents === key.dailyBudgetCents;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if ('problem' in parsed) return setProblem(parsed.problem);
    setProblem(null);
    save(parsed.cents);
  };
  return (
    <form className="key-form" onSubmit={submit}>
      <label className="field inline">
        <span>{t('keys.budgetLabel', { name: key.name })}</span>
        <input
          inputMode="decimal"
          value={text}
          placeholder={t('keys.budgetPlaceholder')}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
        />
      </label>
      <button type="submit" disabled={unchanged}>
        {t('keys.saveBudget', { name: key.name })}
      </button>
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
