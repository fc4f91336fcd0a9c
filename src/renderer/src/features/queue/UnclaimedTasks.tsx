import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { errorText } from '../common/errors';
import { formatDateTime, formatMoney } from '../common/format';
import { useEngineState, useJobsStore } from '../jobs';
import { useLibraryStore } from '../library';

/**
 * Paid tasks on the server that no job owns — a lost create the app could not pin to its
 * job. They are shown until imported into the library or dismissed, so a clip the user paid
 * for is never left on the server to expire unseen.
 */
export function UnclaimedTasks() {
  const { t } = useTranslation('queue');
  const tasks = useEngineState()?.unclaimed ?? [];
  const dismiss = useJobsStore((s) => s.dismissUnclaimed);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (tasks.length === 0) return null;

  const run = async (
    taskId: string,
    what: () => Promise<unknown>,
    failed: 'unclaimed.notImported' | 'unclaimed.notDismissed',
  ) => {
    setBusy(taskId);
    setProblem(null);
    try {
      await what();
    } catch (error) {
      setProblem(t(failed, { reason: errorText(error) }));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="banner warn unclaimed" aria-label={t('unclaimed.label')}>
      <p>{t('unclaimed.intro', { count: tasks.length })}</p>
      <ul>
        {tasks.map((task) => (
          <li key={task.taskId}>
            <code>{task.taskId}</code>
            <span>
              {[
                task.model,
                task.status,
                task.createdAt !== null
                  ? t('task.made', { date: formatDateTime(task.createdAt) })
                  : null,
                task.costCents !== null ? formatMoney(task.costCents) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
            <button
              type="button"
              disabled={busy !== null || task.status !== 'completed'}
              title={task.status === 'completed' ? undefined : t('unclaimed.notYet')}
              onClick={() =>
                void run(
                  task.taskId,
                  () => useLibraryStore.getState().importTask(task.taskId),
                  'unclaimed.notImported',
                )
              }
            >
              {busy === task.taskId ? t('unclaimed.importing') : t('unclaimed.import')}
            </button>
            <button
              type="button"
              disabled={busy !== null}
              onClick={() =>
                void run(task.taskId, () => dismiss(task.taskId), 'unclaimed.notDismissed')
              }
            >
              {t('unclaimed.dismiss')}
            </button>
          </li>
        ))}
      </ul>
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
