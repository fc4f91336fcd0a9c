import { useEffect, useRef, useState } from 'react';
import { errorText } from '../common/errors';
import { useLibraryStore } from './libraryStore';

/**
 * Where the clip's video file is, for a host that cannot open a file manager (the browser
 * host): the path in a read-only field, and Copy. The path is of the user's own library folder.
 */
export function ClipFile({ clipId }: { clipId: string }) {
  const [found, setFound] = useState<{ clipId: string; path: string } | null>(null);
  const path = found?.clipId === clipId ? found.path : null;
  const [note, setNote] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    useLibraryStore
      .getState()
      .locate(clipId)
      .then(
        (located) => live && setFound({ clipId, path: located }),
        (error: unknown) => live && setNote(`Could not find the file: ${errorText(error)}`),
      );
    return () => {
      live = false;
    };
  }, [clipId]);

  const copy = async () => {
    if (path === null) return;
    try {
      await navigator.clipboard.writeText(path);
      setNote('Copied the path.');
    } catch {
      // The clipboard may be refused (no permission): leave the path selected to copy by hand.
      field.current?.select();
      setNote('Could not copy: the path is selected, copy it with Ctrl+C (⌘C).');
    }
  };

  return (
    <div className="clip-file">
      <div className="inline-form">
        <label className="field grow">
          <span>File</span>
          <input
            ref={field}
            readOnly
            value={path ?? ''}
            placeholder="Finding the file…"
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
        <button type="button" aria-disabled={path === null} onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="hint" role="status">
        {note ?? 'A browser cannot open your file manager: copy the path to find the clip.'}
      </p>
    </div>
  );
}
