import { useState } from 'react';
import type { JobCheck } from '../../../../shared/jobs';
import { formatCents } from '../../../../shared/rules';
import { errorText } from '../common/errors';
import { formatDateTime } from '../common/format';
import { useJobsStore } from '../jobs';

/**
 * A job whose create call had no clear answer. While the engine looks, this says so; when
 * the server's list cannot be read, or shows several tasks that could be the job's, the
 * user answers: this task is it, or none is and it may be sent (and paid for) again.
 */
export function JobCheckPanel({ id, check }: { id: string; check: JobCheck }) {
  const resolve = useJobsStore((s) => s.resolve);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const answer = async (taskId: string | null) => {
    setBusy(true);
    setProblem(null);
    try {
      await resolve(id, taskId);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  const asks = check.state !== 'looking';
  return (
    <div
      className={`job-check job-check-${check.state}`}
      role={asks ? 'group' : 'status'}
      aria-label="Was this job created?"
    >
      <p>{check.message}</p>
      {check.candidates.length > 0 && (
        <ul className="job-check-candidates" aria-label="Tasks that could be this job's">
          {check.candidates.map((c) => (
            <li key={c.taskId}>
              <code>{c.taskId}</code>
              <span>
                {[
                  c.model,
                  c.status,
                  c.createdAt !== null ? `made ${formatDateTime(c.createdAt)}` : null,
                  c.durationSeconds ? `${c.durationSeconds} s` : null,
                  c.costCents !== null ? formatCents(c.costCents) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <button
                type="button"
                disabled={busy}
                onClick={() => void answer(c.taskId)}
                aria-label={`Task ${c.taskId} is this job's`}
              >
                This is the one
              </button>
            </li>
          ))}
        </ul>
      )}
      {asks &&
        (confirming ? (
          <div className="job-check-confirm" role="alertdialog" aria-label="Send again?">
            <span>
              If the server did make this job's task, sending it again pays a second time.
            </span>
            <button
              type="button"
              className="danger"
              disabled={busy}
              ref={(el) => el?.focus()}
              onClick={() => void answer(null)}
            >
              Send again
            </button>
            <button
              type="button"
              onClick={() => setConfirming(false)}
              onKeyDown={(e) => e.key === 'Escape' && setConfirming(false)}
            >
              Keep looking
            </button>
          </div>
        ) : (
          <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
            {check.candidates.length > 0
              ? 'None of these: send again…'
              : 'It was not created: send again…'}
          </button>
        ))}
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
