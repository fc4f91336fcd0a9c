import { useState } from 'react';
import { useTranslation } from '../../i18n';
import { DeleteWhere } from './DeleteWhere';
import { Dialog } from '../common/Dialog';

interface BulkDeleteProps {
  count: number;
  onConfirm: (remote: boolean) => void;
  onClose: () => void;
}

/** Asks before deleting the selected clips, and where from; keeping them is the default. */
export function BulkDelete({ count, onConfirm, onClose }: BulkDeleteProps) {
  const [remote, setRemote] = useState(false);
  const { t } = useTranslation(['library', 'common']);
  return (
    <Dialog title={t('bulkDelete.title', { count })} onClose={onClose} className="delete-dialog">
      <div className="delete-clip">
        <DeleteWhere name="bulk-delete-where" remote={remote} onChange={setRemote} />
        <p className="warning">
          {remote
            ? t('bulkDelete.warningRemote', { count })
            : t('bulkDelete.warningLocal', { count })}
        </p>
        <div className="dialog-actions">
          <button type="button" className="danger" onClick={() => onConfirm(remote)}>
            {remote ? t('delete.confirmRemote') : t('delete.confirmLocal')}
          </button>
          <button type="button" data-autofocus onClick={onClose}>
            {t('common:cancel')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
