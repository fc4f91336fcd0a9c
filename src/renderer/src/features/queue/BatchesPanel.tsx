import { useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from '../../i18n';
import { jobById, useEngineState, useSections } from '../jobs';
import { useNavStore } from '../nav';
import { BatchEntry } from './BatchEntry';
import { batchTimeLeft, unfinishedByBatch } from './batchEstimates';
import { useBatches, useBatchesError } from './batchesStore';
import { useLearnt } from './timesStore';
import { useNow } from './useNow';
import './batches.css';

/** Time left is "about n min": a tick every few seconds is plenty. */
const TICK_MS = 5_000;

/** The queue's batches above its jobs, each managed as one; nothing when there is none. */
export function BatchesPanel() {
  const { t } = useTranslation('queue');
  const batches = useBatches();
  const error = useBatchesError();
  const sections = useSections();
  const concurrency = useEngineState()?.concurrency ?? 1;
  const learnt = useLearnt();
  const working = batches.some((b) => b.counts.running + b.counts.waiting > 0);
  const now = useNow(working, TICK_MS);
  const headingId = useId();
  const list = useRef<HTMLUListElement | null>(null);
  const focus = useNavStore((s) => s.focus);
  const focusHandled = useNavStore((s) => s.focusHandled);

  const leftById = useMemo(() => {
    const left = new Map<string, number | null>();
    if (batches.length === 0) return left;
    const groups = unfinishedByBatch([...sections.running, ...sections.waiting], jobById);
    for (const [id, jobs] of groups) left.set(id, batchTimeLeft(jobs, now, learnt, concurrency));
    return left;
  }, [batches.length, sections, now, learnt, concurrency]);

  // "Show" on a batch's drain notification: bring its entry into view.
  useEffect(() => {
    if (focus?.kind !== 'batch') return;
    const entry = list.current?.querySelector<HTMLElement>(
      `[data-batch-id="${CSS.escape(focus.id)}"]`,
    );
    if (!entry && batches.length === 0) return;
    entry?.scrollIntoView?.({ block: 'nearest' });
    entry?.focus();
    focusHandled();
  }, [focus, batches, focusHandled]);

  if (error)
    return (
      <p className="inline-error" role="alert">
        {error}
      </p>
    );
  if (batches.length === 0) return null;
  return (
    <section className="batches" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('batches.label')}</h3>
      <ul className="batch-list" ref={list}>
        {batches.map((batch) => (
          <BatchEntry key={batch.id} batch={batch} leftMs={leftById.get(batch.id) ?? null} />
        ))}
      </ul>
    </section>
  );
}
