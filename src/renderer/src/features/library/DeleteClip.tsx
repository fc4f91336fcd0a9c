import { useState } from 'react';
import type { ClipDetails } from '../../../../shared/library';
import { useTranslation } from '../../i18n';
import { DeleteWhere } from './DeleteWhere';
import { errorText } from '../common/errors';
import { useLibraryStore } from './libraryStore';
import { promptText } from './promptText';

/** Asks where to delete from, and says plainly what cannot be undone. */
export function DeleteClip({ clip, onCancel }: { clip: ClipDetails; onCancel: () => void }) {
  const remove = useLibraryStore((s) => s.remove);
  const [remote, setRemote] = useState(false);
  const [busy, setBusy] = useState(false);
  // Main's reason, already in the UI's language; the sentence around it is said at render.
  const [problem, setProblem] = useState<string | null>(null);
  const { t } = useTranslation(['library', 'common']);

  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await remove(clip.id, remote);
    } catch (error) {
      setProblem(errorText(error));
      setBusy(false);
    }
  };

  return (
    <div className="delete-clip">
      <p>
        {clip.prompt === null
          ? promptText(null)
          : t('quoted', { prompt: promptText(clip.prompt, 120) })}
      </p>
      <DeleteWhere name="delete-where" remote={remote} onChange={setRemote} />
      <p className="warning">{remote ? t('delete.warningRemote') : t('delete.warningLocal')}</p>
      {problem && (
        <p className="inline-error" role="alert">
          {t('delete.failed', { reason: problem })}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
          {remote ? t('delete.confirmRemote') : t('delete.confirmLocal')}
        </button>
        <button type="button" data-autofocus onClick={onCancel}>
          {t('common:cancel')}
        </button>
      </div>
    </div>
  );
}
