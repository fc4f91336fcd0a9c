import { lazy, Suspense, useState } from 'react';
import type { Job } from '../../../../shared/jobs';
import { ActionButton, actionLabel } from './ActionButton';

const CancelOnServerDialog = lazy(() =>
  import('./CancelOnServerDialog').then((m) => ({ default: m.CancelOnServerDialog })),
);

/**
 * "Cancel…" for a job whose task is on the server: cancelling deletes the task, which the
 * provider does not refund, so it asks first (the dialog is a chunk of its own).
 */
export function CancelOnServer({ job }: { job: Job }) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <ActionButton
        action="cancelOnServer"
        label={actionLabel('cancelOnServer')}
        onClick={() => setAsking(true)}
      />
      {asking && (
        <Suspense fallback={null}>
          <CancelOnServerDialog job={job} onClose={() => setAsking(false)} />
        </Suspense>
      )}
    </>
  );
}
