import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { KeyStorage } from '../../../../shared/settings';
import { errorText } from '../common/errors';
import { useSettingsStore, useSettingsView } from './settingsStore';

const storedWhere: Record<KeyStorage, string> = {
  'os-encrypted': 'It is encrypted by your system’s key store',
  'obfuscated-on-disk': 'This system has no key store, so it is only obfuscated on disk',
  'session-only': 'It is kept for this session only and forgotten when Airframe quits',
  'owner-only-file': 'It is kept in a file only your user account can read',
  none: 'It is stored',
};

/**
 * The API key, write-only: it goes to main, which checks it against the API before saving;
 * the UI only ever learns whether one is saved.
 */
export function ApiKeyField() {
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
  const whyNot =
    typed === ''
      ? 'Type a key first.'
      : typed.length < 8
        ? 'A key has at least 8 characters.'
        : null;
  return (
    <div className="api-key">
      {view?.apiKeyNotice && !hasKey && (
        <p className="banner warn" role="status">
          {view.apiKeyNotice}
        </p>
      )}
      {hasKey && (
        <p className="key-saved" role="status">
          <strong>Key saved</strong>
          <span className="hint">
            {saved ? ' The API accepted it.' : ''} {storedWhere[view?.keyStorage ?? 'none']}; it is
            never shown again.
          </span>
        </p>
      )}
      {hasKey && view?.settings.demo && (
        <div className="banner info" role="status">
          <span>
            The demo is still on, so jobs run in the demo, free. Airframe uses this key once you
            leave the demo.
          </span>
          <button type="button" onClick={leaveDemo}>
            Leave the demo
          </button>
        </div>
      )}
      {showForm && (
        <form className="key-form" onSubmit={(e) => void save(e)}>
          <label className="field grow">
            <span>{hasKey ? 'New API key' : 'API key'}</span>
            <input
              type="password"
              autoComplete="off"
              spellCheck={false}
              placeholder="sk-air-…"
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
            {busy ? 'Checking…' : 'Save key'}
          </button>
          {!busy && whyNot && (
            <span id={whyId} className="hint">
              {whyNot}
            </span>
          )}
          {replacing && (
            <button type="button" onClick={() => setReplacing(false)}>
              Cancel
            </button>
          )}
        </form>
      )}
      <p id={hintId} className="hint">
        Your key from api.airforce. It is checked against the API before it is saved.
      </p>
      {showForm && insecure && (
        <div className="banner warn">
          <span>
            No secure key store is available here (such as a system keyring), so a saved key is kept
            on this computer without real encryption. You can keep it for this session only instead;
            it is then forgotten when Airframe stops.
          </span>
          <label className="switch">
            <input
              type="checkbox"
              checked={sessionOnly}
              onChange={(e) => setSessionOnly(e.target.checked)}
            />
            <span>Keep the key for this session only</span>
          </label>
        </div>
      )}
      {hasKey && !replacing && !confirmRemove && (
        <div className="row">
          <button type="button" onClick={() => setReplacing(true)}>
            Replace key
          </button>
          <button type="button" ref={removeButton} onClick={() => setConfirmRemove(true)}>
            Remove key
          </button>
        </div>
      )}
      {confirmRemove && (
        <div
          className="confirm"
          role="group"
          aria-label="Remove the key"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setConfirmRemove(false);
          }}
        >
          <span>Remove the saved key? Jobs wait until a new key is saved.</span>
          <button type="button" className="danger" onClick={() => void remove()}>
            Yes, remove key
          </button>
          <button type="button" ref={keepButton} onClick={() => setConfirmRemove(false)}>
            Keep it
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
