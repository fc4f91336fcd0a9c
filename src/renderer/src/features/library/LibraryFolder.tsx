import { useState, type FormEvent } from 'react';
import { useTranslation } from '../../i18n';
import { useAppStore } from '../app';
import { errorText } from '../common/errors';
import { useLibraryStore } from './libraryStore';

/** Where the library lives (a folder the user owns), and moving it to another one. */
/** What did not happen, said around main's reason. */
type Failure = 'folder.notChanged' | 'folder.rereadFailed';

export function LibraryFolder() {
  const { t } = useTranslation('library');
  const info = useLibraryStore((s) => s.info);
  const error = useLibraryStore((s) => s.error);
  const setFolder = useLibraryStore((s) => s.setFolder);
  const rescan = useLibraryStore((s) => s.rescan);
  const chooseFolder = useLibraryStore((s) => s.chooseFolder);
  // Only the desktop app has a folder picker; in a browser the path is typed.
  const canPick = useAppStore((s) => s.info?.host === 'electron');
  const [path, setPath] = useState('');
  const [problem, setProblem] = useState<{ failure: Failure; reason: string } | null>(null);
  const [busy, setBusy] = useState(false);

  /** One folder action at a time; a failure is said in words, prefixed with what did not happen. */
  const act = (work: () => Promise<unknown>, failure: Failure) => {
    setBusy(true);
    setProblem(null);
    work()
      .catch((error: unknown) => setProblem({ failure, reason: errorText(error) }))
      .finally(() => setBusy(false));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    act(async () => {
      await setFolder(path.trim());
      setPath('');
    }, 'folder.notChanged');
  };

  return (
    <div className="library-folder">
      <p>
        <span className="hint">{t('folder.prefix')}</span>
        <output aria-label={t('folder.label')}>
          {info ? info.folder : error ? t('folder.unavailable') : '…'}
        </output>
        {info && <span className="hint"> · {t('clipCount', { count: info.clipCount })}</span>}
      </p>
      {info && info.warnings.length > 0 && (
        <details>
          <summary>{t('folder.warnings', { count: info.warnings.length })}</summary>
          <ul>
            {info.warnings.map((w) => (
              <li key={w.file}>{t('folder.warning', { file: w.file, message: w.message })}</li>
            ))}
          </ul>
        </details>
      )}
      <div className="row">
        <button type="button" disabled={busy} onClick={() => act(rescan, 'folder.rereadFailed')}>
          {t('folder.reread')}
        </button>
        <span className="hint">{t('folder.rereadHint')}</span>
      </div>
      {canPick && (
        <div className="row">
          <button
            type="button"
            disabled={busy}
            onClick={() => act(chooseFolder, 'folder.notChanged')}
          >
            {t('folder.choose')}
          </button>
          <span className="hint">{t('folder.chooseHint')}</span>
        </div>
      )}
      <form className="inline-form" onSubmit={submit}>
        <label className="field grow">
          <span>{t('folder.path')}</span>
          <input
            value={path}
            spellCheck={false}
            placeholder={t('folder.pathPlaceholder')}
            onChange={(e) => setPath(e.target.value)}
          />
        </label>
        <button type="submit" disabled={busy || !path.trim()}>
          {t('folder.use')}
        </button>
      </form>
      <p className="hint">{t('folder.hint')}</p>
      {problem && (
        <p className="inline-error" role="alert">
          {t(problem.failure, { reason: problem.reason })}
        </p>
      )}
    </div>
  );
}
