import type { ModelInfo } from '../../../../shared/rules';
import { Trans, useTranslation } from '../../i18n';
import { formatMoney } from '../common/format';
import { useQueuedCents } from '../jobs';
import { useComposeStore } from './composeStore';
import { costLine } from './draftRules';

/** What this request will cost, debited when it is submitted, and what is already waiting. */
export function CostSummary({ model }: { model: ModelInfo }) {
  const { t } = useTranslation('compose');
  const form = useComposeStore((s) => s.form);
  const queued = useQueuedCents();
  const { text } = costLine(form, model);
  return (
    <div className="cost" aria-live="polite">
      <p>
        <span className="cost-label">{t('cost.label')}</span>{' '}
        <output aria-label={t('cost.label')}>{text}</output>
      </p>
      <p className="hint">
        <Trans
          t={t}
          i18nKey="cost.queuedHint"
          values={{ amount: formatMoney(queued) }}
          components={{ amount: <output aria-label={t('cost.queued')} /> }}
        />
      </p>
    </div>
  );
}
