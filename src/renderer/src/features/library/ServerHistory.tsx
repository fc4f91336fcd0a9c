import { useEffect, useState } from 'react';
import type { RemoteTask } from '../../../../shared/library';
import { i18n, useTranslation } from '../../i18n';
import { Dialog } from '../common/Dialog';
import { errorText } from '../common/errors';
import { useKeys } from '../keys';
import { formatDateTime, formatExpiry } from '../common/format';
import { useLibraryStore } from './libraryStore';

/** The account's recent tasks on api.airforce, to import a finished one made elsewhere. */
/** A failure said at render around main's reason, which is already in the UI's language. */
type Problem = { what: 'history.listFailed' | 'history.importFailed'; reason: string };

export function ServerHistory({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['library', 'common']);
  const [tasks, setTasks] = useState<RemoteTask[] | null>(null);
  // Expiry is counted from when the list arrived: the dialog is open for minutes, not hours.
  const [now, setNow] = useState(() => Date.now());
  const [problem, setProblem] = useState<Problem | null>(null);
  const [importing, setImporting] = useState<string | null>(null);
  // Each task's key is named when there are several keys to tell apart (issue 18).
  const keyCount = useKeys().length;
  const severalKeys = keyCount > 1 || new Set(tasks?.map((task) => task.keyId)).size > 1;

  useEffect(() => {
    let live = true;
    useLibraryStore
      .getState()
      .listRemote()
      .then((list) => {
        if (!live) return;
        setTasks(list);
        setNow(Date.now());
      })
      .catch(
        (error: unknown) =>
          live && setProblem({ what: 'history.listFailed', reason: errorText(error) }),
      );
    return () => {
      live = false;
    };
  }, []);

  const importTask = async (taskId: string, keyId: string | undefined) => {
    setImporting(taskId);
    setProblem(null);
    try {
      await useLibraryStore.getState().importTask(taskId, keyId);
      setTasks(
        (list) => list?.map((t) => (t.taskId === taskId ? { ...t, inLibrary: true } : t)) ?? null,
      );
    } catch (error) {
      setProblem({ what: 'history.importFailed', reason: errorText(error) });
    } finally {
      setImporting(null);
    }
  };

  return (
    <Dialog title={t('history.title')} onClose={onClose} className="server-history">
      <p className="hint">{t('history.hint')}</p>
      {problem && (
        <p className="inline-error" role="alert">
          {t(problem.what, { reason: problem.reason })}
        </p>
      )}
      {tasks === null && !problem && <p className="hint">{t('common:loading')}</p>}
      {tasks?.length === 0 && <p>{t('history.none')}</p>}
      {tasks && tasks.length > 0 && (
        <ul className="remote-tasks">
          {tasks.map((task) => (
            // One layout for every row: prompt, what it is, and a place for what can be done.
            <li key={task.taskId}>
              <span className="remote-prompt">
                {task.prompt ?? t('history.noPrompt', { taskId: task.taskId })}
              </span>
              <span className="hint remote-meta">{describeTask(task, now, severalKeys)}</span>
              <span className="remote-action">
                {task.inLibrary ? (
                  <span className="hint">{t('history.inLibrary')}</span>
                ) : task.status === 'completed' && !expired(task, now) ? (
                  <button
                    type="button"
                    aria-disabled={importing !== null}
                    onClick={() => importing === null && void importTask(task.taskId, task.keyId)}
                  >
                    {importing === task.taskId ? t('history.importing') : t('history.import')}
                  </button>
                ) : (
                  <span className="hint">{unavailable(task, now)}</span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('common:close')}
        </button>
      </div>
    </Dialog>
  );
}

const expired = (task: RemoteTask, now: number) =>
  task.status === 'expired' || (task.expiresAt !== null && task.expiresAt <= now);

/** "wan-2.6 · completed · 1 Dec 2026, 09:00 · expires in 3 h" (· "key Client B" with several keys). */
function describeTask(task: RemoteTask, now: number, severalKeys: boolean): string {
  const parts = [
    task.model ?? i18n.t('library:history.unknownModel'),
    i18n.t(`library:history.status.${task.status}`),
  ];
  if (task.createdAt !== null) parts.push(formatDateTime(task.createdAt));
  // An expired task's status already says so.
  if (task.status !== 'expired' && task.expiresAt !== null)
    parts.push(formatExpiry(task.expiresAt, now));
  if (severalKeys && task.keyName !== undefined)
    parts.push(i18n.t('library:history.key', { name: task.keyName }));
  return parts.join(' · ');
}

/** Why a row offers no Import. */
function unavailable(task: RemoteTask, now: number): string {
  if (expired(task, now)) return i18n.t('library:history.expired');
  if (task.status === 'failed') return i18n.t('library:history.failed');
  return i18n.t('library:history.notFinished');
}
