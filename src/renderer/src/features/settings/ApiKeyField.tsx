import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorText } from '../common/errors';
import { useTranslation } from '../../i18n';
import { useSettingsStore, useSettingsView } from './settingsStore';

/**
 * The API key, write-only: it goes to main, which checks it against the API before saving;
 * the UI only ever learns whether one is saved.
 */
export function ApiKeyField() {
  const { t } = useTranslation(['settings', 'common']);
  const view = useSettingsView();
  const { setApiKey, clearApiKey, update } = useSettingsStore.getState();
  const [replacing, setReplacing] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [sessionOnly, setSessionOnly] = useState(false);
  const hintId = useId();
  const whyId = useId();
  const removeButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  // The confirmation takes focus while open, and gives it back to "Remove key" when dismissed.
  const confirmWasOpen = useRef(false);
  useEffect(() => {
    if (confirmRemove) keepButton.current?.focus();
    else if (confirmWasOpen.current) removeButton.current?.focus();
    confirmWasOpen.current = confirmRemove;
  }, [confirmRemove]);
  const hasKey = view?.hasApiKey ?? false;
  const insecure = view ? !view.secureStorageAvailable : false;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await setApiKey(key.trim(), insecure && sessionOnly);
      setKey('');
      setReplacing(false);
      setSaved(true);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setProblem(null);
    try {
      await clearApiKey();
      setConfirmRemove(false);
      setSaved(false);
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  // A key saved during the demo is kept for the real API; the demo stays on until the user
  // leaves it, so demo jobs are never charged to the key without being asked.
  const leaveDemo = () => {
    setProblem(null);
    update({ demo: false }).catch((error: unknown) => setProblem(errorText(error)));
  };

  const showForm = !hasKey || replacing;
  const typed = key.trim();
  const whyNot = typed === '' ? t('key.typeFirst') : typed.length < 8 ? t('key.tooShort') : null;
  const where = t(`key.storedWhere.${view?.keyStorage ?? 'none'}`);
  return (
    <div className="api-key">
      {view?.apiKeyNotice && !hasKey && (
        <p className="banner warn" role="status">
          {view.apiKeyNotice}
        </p>
      )}
      {hasKey && (
        <p className="key-saved" role="status">
          <strong>{t('key.saved')}</strong>{' '}
          <span className="hint">
            {saved ? t('key.savedAccepted', { where }) : t('key.savedWhere', { where })}
          </span>
        </p>
      )}
      {hasKey && view?.settings.demo && (
        <div className="banner info" role="status">
          <span>{t('key.demoStillOn')}</span>
          <button type="button" onClick={leaveDemo}>
            {t('key.leaveDemo')}
          </button>
        </div>
      )}
      {showForm && (
        <form className="key-form" onSubmit={(e) => void save(e)}>
          <label className="field grow">
            <span>{hasKey ? t('key.newLabel') : t('key.label')}</span>
            <input
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder={t('key.placeholder')}
              value={key}
              aria-describedby={hintId}
              onChange={(e) => {
                setKey(e.target.value);
                setProblem(null);
              }}
            />
          </label>
          <button
            type="submit"
            className="primary"
            disabled={busy || whyNot !== null}
            aria-describedby={!busy && whyNot ? whyId : undefined}
          >
            {busy ? t('key.checking') : t('key.save')}
          </button>
          {!busy && whyNot && (
            <span id={whyId} className="hint">
              {whyNot}
            </span>
          )}
          {replacing && (
            <button type="button" onClick={() => setReplacing(false)}>
              {t('common:cancel')}
            </button>
          )}
        </form>
      )}
      <p id={hintId} className="hint">
        {t('key.hint')}
      </p>
      {showForm && insecure && (
        <div className="banner warn">
          <span>{t('key.insecure')}</span>
          <label className="switch">
            <input
              type="checkbox"
              checked={sessionOnly}
              onChange={(e) => setSessionOnly(e.target.checked)}
            />
            <span>{t('key.sessionOnly')}</span>
          </label>
        </div>
      )}
      {hasKey && !replacing && !confirmRemove && (
        <div className="row">
          <button type="button" onClick={() => setReplacing(true)}>
            {t('key.replace')}
          </button>
          <button type="button" ref={removeButton} onClick={() => setConfirmRemove(true)}>
            {t('key.remove')}
          </button>
        </div>
      )}
      {confirmRemove && (
        <div
          className="confirm"
          role="group"
          aria-label={t('key.removeGroup')}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setConfirmRemove(false);
          }}
        >
          <span>{t('key.removeQuestion')}</span>
          <button type="button" className="danger" onClick={() => void remove()}>
            {t('key.removeYes')}
          </button>
          <button type="button" ref={keepButton} onClick={() => setConfirmRemove(false)}>
            {t('key.keep')}
          </button>
        </div>
      )}
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
