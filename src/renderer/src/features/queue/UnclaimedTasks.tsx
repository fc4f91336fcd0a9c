import { useState } from 'react';
import { formatCents } from '../../../../shared/rules';
import { errorText } from '../common/errors';
import { formatDateTime } from '../common/format';
import { useEngineState, useJobsStore } from '../jobs';
import { useLibraryStore } from '../library';

/**
 * Paid tasks on the server that no job owns — a lost create the app could not pin to its
 * job. They are shown until imported into the library or dismissed, so a clip the user paid
 * for is never left on the server to expire unseen.
 */
export function UnclaimedTasks() {
  const tasks = useEngineState()?.unclaimed ?? [];
  const dismiss = useJobsStore((s) => s.dismissUnclaimed);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (tasks.length === 0) return null;

  const run = async (taskId: string, what: () => Promise<unknown>, failed: string) => {
    setBusy(taskId);
    setProblem(null);
    try {
      await what();
    } catch (error) {
      setProblem(`${failed}: ${errorText(error)}`);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="banner warn unclaimed" aria-label="Unclaimed paid tasks">
      <p>
        {tasks.length === 1
          ? 'A paid task on the server belongs to no job'
          : `${tasks.length} paid tasks on the server belong to no job`}
        : a submission whose answer was lost made it. Import it to keep the clip (the server purges
        it 24 hours after it was made), or dismiss it.
      </p>
      <ul>
        {tasks.map((t) => (
          <li key={t.taskId}>
            <code>{t.taskId}</code>
            <span>
              {[
                t.model,
                t.status,
                t.createdAt !== null ? `made ${formatDateTime(t.createdAt)}` : null,
                t.costCents !== null ? formatCents(t.costCents) : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
            <button
              type="button"
              disabled={busy !== null || t.status !== 'completed'}
              title={
                t.status === 'completed' ? undefined : 'It can be imported once it has completed.'
              }
              onClick={() =>
                void run(
                  t.taskId,
                  () => useLibraryStore.getState().importTask(t.taskId),
                  'Not imported',
                )
              }
            >
              {busy === t.taskId ? 'Importing…' : 'Import to library'}
            </button>
            <button
              type="button"
              disabled={busy !== null}
              onClick={() => void run(t.taskId, () => dismiss(t.taskId), 'Not dismissed')}
            >
              Dismiss
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
