import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../../i18n';
import { errorText } from '../common/errors';
import { useLibraryStore } from './libraryStore';

/**
 * Where the clip's video file is, for a host that cannot open a file manager (the browser
 * host): the path in a read-only field, and Copy. The path is of the user's own library folder.
 */
/** What the hint says instead of its default: kept as a kind, said in the UI's language. */
type Note = { kind: 'copied' } | { kind: 'copyFailed' } | { kind: 'notFound'; reason: string };

export function ClipFile({ clipId }: { clipId: string }) {
  const { t } = useTranslation('library');
  const [found, setFound] = useState<{ clipId: string; path: string } | null>(null);
  const path = found?.clipId === clipId ? found.path : null;
  const [note, setNote] = useState<Note | null>(null);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    useLibraryStore
      .getState()
      .locate(clipId)
      .then(
        (located) => live && setFound({ clipId, path: located }),
        (error: unknown) => live && setNote({ kind: 'notFound', reason: errorText(error) }),
      );
    return () => {
      live = false;
    };
  }, [clipId]);

  const copy = async () => {
    if (path === null) return;
    try {
      await navigator.clipboard.writeText(path);
      setNote({ kind: 'copied' });
    } catch {
      // The clipboard may be refused (no permission): leave the path selected to copy by hand.
      field.current?.select();
      setNote({ kind: 'copyFailed' });
    }
  };

  return (
    <div className="clip-file">
      <div className="inline-form">
        <label className="field grow">
          <span>{t('file.label')}</span>
          <input
            ref={field}
            readOnly
            value={path ?? ''}
            placeholder={t('file.finding')}
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
        <button type="button" aria-disabled={path === null} onClick={() => void copy()}>
          {t('file.copy')}
        </button>
      </div>
      <p className="hint" role="status">
        {note === null
          ? t('file.hint')
          : note.kind === 'notFound'
            ? t('file.notFound', { reason: note.reason })
            : t(`file.${note.kind}`)}
      </p>
    </div>
  );
}
