import { useState, type FormEvent } from 'react';
import { apiBaseIssue, DEFAULT_API_BASE, type ApiBaseIssue } from '../../../../shared/apiBase';
import { failureText } from '../common/errors';
import { budgetText, parseBudget } from './budgetText';
import { useTranslation } from '../../i18n';
import { useSettingsStore } from './settingsStore';

/** The same rule main applies (`apiBaseIssue`): https, or plain http on this computer only. */
export function ApiBaseField({
  value,
  hasApiKey,
  onSave,
}: {
  value: string;
  hasApiKey: boolean;
  onSave: (url: string) => void;
}) {
  const { t } = useTranslation('settings');
  const [text, setText] = useState(value);
  const [problem, setProblem] = useState<ApiBaseIssue | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const url = text.trim().replace(/\/+$/, '');
    const refused = apiBaseIssue(url);
    setProblem(refused);
    if (!refused) onSave(url);
  };
  const otherOrigin =
    hasApiKey && URL.canParse(text.trim()) && new URL(text.trim()).origin !== new URL(value).origin;
  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <label className="field grow">
        <span>{t('api.baseUrl')}</span>
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
        {t('api.saveUrl')}
      </button>
      {value !== DEFAULT_API_BASE && (
        <button type="button" onClick={() => onSave(DEFAULT_API_BASE)}>
          {t('api.useDefault', { url: DEFAULT_API_BASE })}
        </button>
      )}
      {otherOrigin && <p className="hint">{t('api.otherOrigin')}</p>}
      {problem && (
        <p className="inline-error" role="alert">
          {problem.code === 'plainHttp'
            ? t('api.issues.plainHttp', { host: problem.host })
            : t(`api.issues.${problem.code}`)}
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
  const { t } = useTranslation('settings');
  const [text, setText] = useState(budgetText(cents));
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
        <span>{t('budget.label')}</span>
        <input
          inputMode="decimal"
          placeholder={t('budget.placeholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setProblem(null);
          }}
        />
      </label>
      <button type="submit">{t('budget.save')}</button>
      <p className="hint">{t('budget.hint')}</p>
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
  const { t } = useTranslation('settings');
  const update = useSettingsStore((s) => s.update);
  const [pending, setPending] = useState<boolean | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const toggle = (demo: boolean) => {
    setPending(demo);
    setOutcome(null);
    setProblem(null);
    update({ demo })
      .then(() => setOutcome(demo ? t('demo.on') : t('demo.off')))
      .catch((error: unknown) =>
        setProblem(failureText(demo ? t('demo.couldNotStart') : t('demo.couldNotStop'), error)),
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
        <span>{t('demo.label')}</span>
      </label>
      <p className="hint" role="status">
        {pending === true ? t('demo.starting') : pending === false ? t('demo.leaving') : outcome}
      </p>
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
