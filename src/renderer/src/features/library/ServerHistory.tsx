import { useEffect, useState } from 'react';
import type { RemoteTask } from '../../../../shared/library';
import { Dialog } from '../common/Dialog';
import { errorText } from '../common/errors';
import { formatDateTime } from '../common/format';
import { useLibraryStore } from './libraryStore';

/** The account's recent tasks on api.airforce, to import a finished one made elsewhere. */
export function ServerHistory({ onClose }: { onClose: () => void }) {
  const [tasks, setTasks] = useState<RemoteTask[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [importing, setImporting] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    useLibraryStore
      .getState()
      .listRemote()
      .then((list) => live && setTasks(list))
      .catch(
        (error: unknown) =>
          live && setProblem(`Could not list the server's tasks: ${errorText(error)}`),
      );
    return () => {
      live = false;
    };
  }, []);

  const importTask = async (taskId: string) => {
    setImporting(taskId);
    setProblem(null);
    try {
      await useLibraryStore.getState().importTask(taskId);
      setTasks(
        (list) => list?.map((t) => (t.taskId === taskId ? { ...t, inLibrary: true } : t)) ?? null,
      );
    } catch (error) {
      setProblem(`Not imported: ${errorText(error)}`);
    } finally {
      setImporting(null);
    }
  };

  return (
    <Dialog title="Server history" onClose={onClose} className="server-history">
      <p className="hint">
        Tasks of this key on api.airforce. Finished ones can be imported until they expire (24 hours
        after they were made).
      </p>
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
      {tasks === null && !problem && <p className="hint">Loading…</p>}
      {tasks?.length === 0 && <p>The server has no recent tasks for this key.</p>}
      {tasks && tasks.length > 0 && (
        <ul className="remote-tasks">
          {tasks.map((task) => (
            <li key={task.taskId}>
              <span className="remote-prompt">
                {task.prompt ?? `Task ${task.taskId} (the server's history gives no prompt)`}
              </span>
              <span className="hint">
                {task.model ?? 'unknown model'} · {task.status}
                {task.createdAt !== null ? ` · ${formatDateTime(task.createdAt)}` : ''}
              </span>
              {task.inLibrary ? (
                <span className="hint">In the library</span>
              ) : task.status === 'completed' ? (
                <button
                  type="button"
                  disabled={importing !== null}
                  onClick={() => void importTask(task.taskId)}
                >
                  {importing === task.taskId ? 'Importing…' : 'Import'}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
