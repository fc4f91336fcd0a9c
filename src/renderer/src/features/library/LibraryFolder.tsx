import { useState, type FormEvent } from 'react';
import { useAppStore } from '../app';
import { errorText } from '../common/errors';
import { useLibraryStore } from './libraryStore';

/** Where the library lives (a folder the user owns), and moving it to another one. */
export function LibraryFolder() {
  const info = useLibraryStore((s) => s.info);
  const error = useLibraryStore((s) => s.error);
  const setFolder = useLibraryStore((s) => s.setFolder);
  const rescan = useLibraryStore((s) => s.rescan);
  const chooseFolder = useLibraryStore((s) => s.chooseFolder);
  // Only the desktop app has a folder picker; in a browser the path is typed.
  const canPick = useAppStore((s) => s.info?.host === 'electron');
  const [path, setPath] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** One folder action at a time; a failure is said in words, prefixed with what did not happen. */
  const act = (work: () => Promise<unknown>, failure: string) => {
    setBusy(true);
    setProblem(null);
    work()
      .catch((error: unknown) => setProblem(`${failure}: ${errorText(error)}`))
      .finally(() => setBusy(false));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    act(async () => {
      await setFolder(path.trim());
      setPath('');
    }, 'The library folder was not changed');
  };

  return (
    <div className="library-folder">
      <p>
        <span className="hint">Library folder: </span>
        <output aria-label="Library folder">
          {info ? info.folder : error ? 'unavailable' : '…'}
        </output>
        {info && <span className="hint"> · {info.clipCount.toLocaleString()} clips</span>}
      </p>
      {info && info.warnings.length > 0 && (
        <details>
          <summary>
            {info.warnings.length} file{info.warnings.length > 1 ? 's' : ''} could not be read and{' '}
            {info.warnings.length > 1 ? 'are' : 'is'} skipped
          </summary>
          <ul>
            {info.warnings.map((w) => (
              <li key={w.file}>
                {w.file}: {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="row">
        <button
          type="button"
          disabled={busy}
          onClick={() => act(rescan, 'The folder could not be read again')}
        >
          Read the folder again
        </button>
        <span className="hint">After copying clips into the folder, or removing some by hand.</span>
      </div>
      {canPick && (
        <div className="row">
          <button
            type="button"
            disabled={busy}
            onClick={() => act(chooseFolder, 'The library folder was not changed')}
          >
            Choose another folder…
          </button>
          <span className="hint">
            Clips move with the library; a folder that already holds one is adopted.
          </span>
        </div>
      )}
      <form className="inline-form" onSubmit={submit}>
        <label className="field grow">
          <span>Use another folder (full path)</span>
          <input
            value={path}
            spellCheck={false}
            placeholder="/home/me/Videos/Airframe"
            onChange={(e) => setPath(e.target.value)}
          />
        </label>
        <button type="submit" disabled={busy || !path.trim()}>
          Use this folder
        </button>
      </form>
      <p className="hint">
        Each clip is a video, a poster and a .json file with its details: copy the folder to another
        computer and its library comes along.
      </p>
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
