import { useState, type FormEvent } from 'react';
import { errorText } from '../common/errors';
import { useKeys, useKeysStore } from '../keys';
import { useTranslation } from '../../i18n';
import { ApiKeyRow } from './ApiKeyRow';

/**
 * The API keys (issue 18), each with its own slots, budget and spend; a key added is
 * checked against the API by main first, and only its name and last four come back.
 */
export function ApiKeysList() {
  const { t } = useTranslation('settings');
  const keys = useKeys();
  const add = useKeysStore((s) => s.add);
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setAdded(null);
    try {
      const key = await add(name.trim(), secret.trim());
      setName('');
      setSecret('');
      setAdded(key.name);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset>
      <legend>{t('keys.legend')}</legend>
      <p className="hint">{t('keys.hint')}</p>
      {keys.length > 0 && (
        <ul className="key-list" aria-label={t('keys.listLabel')}>
          {keys.map((key) => (
            <ApiKeyRow key={key.id} apiKey={key} />
          ))}
        </ul>
      )}
      <form className="key-form" onSubmit={(e) => void submit(e)} aria-label={t('keys.addLabel')}>
        <label className="field">
          <span>{t('keys.name')}</span>
          <input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('keys.secret')}</span>
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={t('key.placeholder')}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
        </label>
        <button type="submit" disabled={busy || name.trim() === '' || secret.trim().length < 8}>
          {busy ? t('key.checking') : t('keys.add')}
        </button>
      </form>
      {added && (
        <p role="status" className="ok-line">
          {t('keys.added', { name: added })}
        </p>
      )}
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
