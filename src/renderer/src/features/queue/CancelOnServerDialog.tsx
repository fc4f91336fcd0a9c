import { useState } from 'react';
import type { Job } from '../../../../shared/jobs';
import { useTranslation } from '../../i18n';
import { Dialog } from '../common/Dialog';
import { errorText } from '../common/errors';
import { formatMoney } from '../common/format';
import { useJobsStore } from '../jobs';

interface CancelOnServerDialogProps {
  job: Job;
  onClose: () => void;
}

/**
 * Says plainly what cancelling a job on the server costs before it is done: its task is
 * deleted with its video, and the provider refunds nothing. Keeping it is the default.
 */
export function CancelOnServerDialog({ job, onClose }: CancelOnServerDialogProps) {
  const { t } = useTranslation('queue');
  const cancel = useJobsStore((s) => s.cancel);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await cancel(job.id, { deleteOnServer: true });
      onClose();
    } catch (error) {
      setProblem(errorText(error));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('cancelOnServer.title')} onClose={onClose}>
      <p>
        {job.costCents === null
          ? t('cancelOnServer.bodyNoCost')
          : t('cancelOnServer.body', { cost: formatMoney(job.costCents) })}
      </p>
      {problem && (
        <p className="inline-error" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
          {t('cancelOnServer.yes')}
        </button>
        <button type="button" className="quiet" data-autofocus onClick={onClose}>
          {t('cancelOnServer.keep')}
        </button>
      </div>
    </Dialog>
  );
}
