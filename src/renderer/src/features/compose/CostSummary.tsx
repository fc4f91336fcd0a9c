import { formatCents, type ModelInfo } from '../../../../shared/rules';
import { useQueuedCents } from '../jobs';
import { useComposeStore } from './composeStore';
import { costLine } from './draftRules';

/** What this request will cost, debited when it is submitted, and what is already waiting. */
export function CostSummary({ model }: { model: ModelInfo }) {
  const form = useComposeStore((s) => s.form);
  const queued = useQueuedCents();
  const { text } = costLine(form, model);
  return (
    <div className="cost" aria-live="polite">
      <p>
        <span className="cost-label">Cost</span> <output aria-label="Cost">{text}</output>
      </p>
      <p className="hint">
        <span>Already queued: </span>
        <output aria-label="Already queued">{formatCents(queued)}</output>
        <span> · charged when each job is submitted; failed or expired jobs are refunded.</span>
      </p>
    </div>
  );
}
