import type { Job } from '../../../../shared/jobs';
import { useTranslation } from '../../i18n';
import { formatMoney } from '../common/format';
import { useJobsStore } from '../jobs';
import { ConfirmDialog } from './ConfirmDialog';

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
  return (
    <ConfirmDialog
      title={t('cancelOnServer.title')}
      confirmLabel={t('cancelOnServer.yes')}
      keepLabel={t('cancelOnServer.keep')}
      danger
      onClose={onClose}
      onConfirm={async () => {
        await cancel(job.id, { deleteOnServer: true });
        onClose();
      }}
    >
      <p>
        {job.costCents === null
          ? t('cancelOnServer.bodyNoCost')
          : t('cancelOnServer.body', { cost: formatMoney(job.costCents) })}
      </p>
    </ConfirmDialog>
  );
}
