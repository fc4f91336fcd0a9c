import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { PlannedJob } from '../../../../shared/batch';
import type { ModelInfo } from '../../../../shared/rules';
import { useTranslation } from '../../i18n';
import { formatMoney } from '../common/format';
import { observeRect, UNLAID } from '../common/virtual';
import type { BatchImage } from './batchImages';
import { useBatchStore } from './batchStore';
import { describePlanned, jobProblemText, jobWarningText } from './batchWords';

/** Every row is this tall (two lines beside a thumbnail), so thousands scroll smoothly. */
const ROW = 72;
/** An icon, not a word: the button is named by its aria-label. */
const CROSS = '✕';

interface BatchPreviewProps {
  jobs: readonly PlannedJob[];
  images: readonly BatchImage[];
  models: readonly ModelInfo[];
}

/**
 * The jobs of the batch before any is queued: prompt (editable), image, parameters, cost and
 * what is wrong with it; each can be removed. Virtualized: a list of thousands stays quick.
 */
export function BatchPreview({ jobs, images, models }: BatchPreviewProps) {
  const { t } = useTranslation('batch');
  const scroller = useRef<HTMLDivElement>(null);
  const { editPrompt, removeJob } = useBatchStore.getState();
  // A mutable instance the React Compiler cannot memoize (see ClipGrid); read fresh each render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: jobs.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    getItemKey: (index) => jobs[index]?.key ?? index,
    overscan: 8,
    initialRect: UNLAID,
    observeElementRect: observeRect,
  });
  if (jobs.length === 0) return <p className="hint">{t('preview.empty')}</p>;
  return (
    <div ref={scroller} className="batch-scroller">
      <ol
        className="batch-rows"
        aria-label={t('preview.label')}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const job = jobs[item.index];
          if (!job) return null;
          const number = item.index + 1;
          const image = job.draft.image !== null ? images[job.draft.image] : undefined;
          const problems = job.problems.map((p) => jobProblemText(p, job, models));
          const warnings = job.warnings.map(jobWarningText);
          return (
            <li
              key={item.key}
              className={`batch-row${problems.length > 0 ? ' has-problem' : ''}`}
              aria-posinset={number}
              aria-setsize={jobs.length}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <span className="batch-index">{number}</span>
              {image ? (
                <img
                  className="batch-thumb"
                  src={image.url}
                  alt={image.name}
                  width={64}
                  height={36}
                />
              ) : (
                <span className="batch-thumb placeholder">
                  {job.imageName ?? t('preview.noImage')}
                </span>
              )}
              <div className="batch-text">
                <input
                  className="field"
                  aria-label={t('preview.editPrompt', { index: number })}
                  value={job.prompt}
                  onChange={(event) => editPrompt(job.key, event.target.value)}
                />
                <span className="hint">
                  {[
                    job.sourceLine !== null ? t('preview.line', { line: job.sourceLine }) : null,
                    describePlanned(job),
                    job.costCents !== null ? formatMoney(job.costCents) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                {problems.length > 0 && <span className="inline-error">{problems.join(' ')}</span>}
                {problems.length === 0 && warnings.length > 0 && (
                  <span className="hint warn">{warnings.join(' ')}</span>
                )}
              </div>
              <button
                type="button"
                className="quiet"
                aria-label={t('preview.remove', { index: number })}
                onClick={() => removeJob(job.key)}
              >
                {CROSS}
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
