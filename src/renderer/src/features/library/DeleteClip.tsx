import { useState } from 'react';
import type { ClipDetails } from '../../../../shared/library';
import { errorText } from '../common/errors';
import { useLibraryStore } from './libraryStore';
import { promptText } from './promptText';

/** Asks where to delete from, and says plainly what cannot be undone. */
export function DeleteClip({ clip, onCancel }: { clip: ClipDetails; onCancel: () => void }) {
  const remove = useLibraryStore((s) => s.remove);
  const [remote, setRemote] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await remove(clip.id, remote);
    } catch (error) {
      setProblem(`Not deleted: ${errorText(error)}`);
      setBusy(false);
    }
  };

  return (
    <div className="delete-clip">
      <p>{clip.prompt === null ? promptText(null) : `“${promptText(clip.prompt, 120)}”`}</p>
      <fieldset>
        <legend>Delete from</legend>
        <label className="choice">
          <input
            type="radio"
            name="delete-where"
            checked={!remote}
            onChange={() => setRemote(false)}
          />
          <span>This computer only</span>
        </label>
        <label className="choice">
          <input
            type="radio"
            name="delete-where"
            checked={remote}
            onChange={() => setRemote(true)}
          />
          <span>This computer and api.airforce</span>
        </label>
      </fieldset>
      <p className="warning">
        The video, its poster and its details are deleted from the library folder. This cannot be
        undone.
        {remote
          ? ' The task and its video are also deleted from api.airforce: nothing is refunded, and it can no longer be imported again.'
          : ' If the task is still on api.airforce (results are kept there for 24 hours), it could be imported again until then.'}
      </p>
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
          {remote ? 'Delete here and on the server' : 'Delete from this computer'}
        </button>
        <button type="button" data-autofocus onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
