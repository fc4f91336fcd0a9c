import { useTranslation } from '../../i18n';
import { formatClock } from '../common/format';
import { useComposeStore } from './composeStore';

/** Which clip the job will continue, until it is queued (the job's sidecar will name it). */
export function ContinuesNotice() {
  const { t } = useTranslation('compose');
  const continues = useComposeStore((s) => s.form.continues);
  if (!continues) return null;
  const name = continues.name;
  return (
    <div className="banner info" role="status">
      <span>
        {continues.atSeconds === null
          ? t('continues.clip', { name })
          : t('continues.clipAt', { name, at: formatClock(continues.atSeconds * 1000) })}
      </span>
    </div>
  );
}
