import {
  defaultRangeExtractor,
  measureElement,
  useVirtualizer,
  type Range,
} from '@tanstack/react-virtual';
import { useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../i18n';
import { observeRect, UNLAID } from '../common/virtual';
import { jobById, rowOf, sectionNames, type Section, type Sections } from '../jobs';
import { JobRow, type MoveTo } from './JobRow';
import { matchesFilter, type QueueFilter } from './jobView';

/** A two-line row with its gap; rows are measured, this is only the first guess. */
const ROW = 64;
const HEAD = 32;
/** Between items: the design's --space-1. */
const GAP = 4;

/** An item not laid out measures 0: it keeps its estimate rather than pulling in every row. */
const measure: typeof measureElement = (element, entry, instance) => {
  const size = measureElement(element, entry, instance);
  return size > 0 ? size : element.classList.contains('job-section-head') ? HEAD : ROW;
};

type Item = { kind: 'head'; section: Section; count: number } | { kind: 'job'; id: string };

/** The sections' jobs the filter lets through, in the engine's order. */
export function visibleSections(sections: Sections, filter: QueueFilter): Sections {
  if (filter === 'all') return sections;
  const pass = (ids: readonly string[]) =>
    ids.filter((id) => {
      const job = jobById(id);
      return job !== undefined && matchesFilter(job, filter);
    });
  return {
    running: pass(sections.running),
    waiting: pass(sections.waiting),
    ended: pass(sections.ended),
  };
}

export interface JobListHandle {
  /** Scrolls the job's row into view and focuses it (or one of its buttons); an earlier
   * attempt of a retried job is in its newest attempt's row. */
  focusJob: (id: string, what?: string) => void;
}

interface JobListProps {
  sections: Sections;
  onMove: (id: string, to: MoveTo, what: string) => void;
  /** Set by a move: the job whose focus must come back once the list is redrawn. */
  refocus: { current: { id: string; focus: string } | null };
  handle: { current: JobListHandle | null };
}

/**
 * The jobs in three sections (under way, waiting, ended) under one virtualizer: only the rows
 * on screen and a few around are in the DOM, plus the row that has (or last had) the focus.
 */
export function JobList({ sections, onMove, refocus, handle }: JobListProps) {
  const { t } = useTranslation('queue');
  const scroller = useRef<HTMLDivElement>(null);
  const [kept, setKept] = useState<string | null>(null);

  const items = useMemo(() => {
    const list: Item[] = [];
    for (const section of sectionNames) {
      const ids = sections[section];
      if (ids.length === 0) continue;
      list.push({ kind: 'head', section, count: ids.length });
      for (const id of ids) list.push({ kind: 'job', id });
    }
    return list;
  }, [sections]);
  const jobIds = useMemo(() => sectionNames.flatMap((section) => sections[section]), [sections]);
  const indexOf = useMemo(() => {
    const map = new Map<string, number>();
    items.forEach((item, index) => item.kind === 'job' && map.set(item.id, index));
    return map;
  }, [items]);
  const keptIndex = kept === null ? undefined : indexOf.get(kept);
  const heads = useMemo(
    () => items.flatMap((item, index) => (item.kind === 'head' ? [index] : [])),
    [items],
  );

  const rangeExtractor = useCallback(
    (range: Range) => {
      const shown = defaultRangeExtractor(range);
      if (keptIndex === undefined || shown.includes(keptIndex)) return shown;
      return [...shown, keptIndex].sort((a, b) => a - b);
    },
    [keptIndex],
  );

  // A mutable instance the React Compiler cannot memoize (see ClipGrid); read fresh each render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (items[index]?.kind === 'head' ? HEAD : ROW),
    getItemKey: (index) => {
      const item = items[index];
      return item?.kind === 'job' ? item.id : `head-${item?.section ?? index}`;
    },
    rangeExtractor,
    gap: GAP,
    overscan: 6,
    initialRect: UNLAID,
    observeElementRect: observeRect,
    measureElement: measure,
  });

  const focusJob = useCallback(
    (job: string, what = 'row') => {
      const id = rowOf(job);
      const index = indexOf.get(id);
      if (index === undefined) return;
      setKept(id);
      const find = () => {
        const row = scroller.current?.querySelector<HTMLElement>(
          `[data-job-id="${CSS.escape(id)}"]`,
        );
        const button =
          what === 'row' ? null : row?.querySelector<HTMLElement>(`[data-action="${what}"]`);
        (button ?? row)?.focus();
        row?.scrollIntoView?.({ block: 'nearest' });
        return row;
      };
      if (find()) return;
      virtualizer.scrollToIndex(index, { align: 'auto' });
      requestAnimationFrame(() => void find());
    },
    [indexOf, virtualizer],
  );
  useImperativeHandle(handle, () => ({ focusJob }), [focusJob]);

  // A row moved is re-inserted in the list, which takes the focus away from it.
  useEffect(() => {
    const pending = refocus.current;
    const active = document.activeElement;
    if (pending && (!active || active === document.body)) focusJob(pending.id, pending.focus);
  }, [items, focusJob, refocus]);

  const onStep = useCallback(
    (id: string, delta: -1 | 1) => {
      refocus.current = null;
      const next = jobIds[jobIds.indexOf(id) + delta];
      if (next) focusJob(next);
    },
    [jobIds, focusJob, refocus],
  );

  const total = jobIds.length;
  return (
    <div
      ref={scroller}
      className="job-scroller"
      onFocus={(event) => {
        const row = (event.target as HTMLElement).closest<HTMLElement>('[data-job-id]');
        const id = row?.dataset['jobId'];
        if (id && id !== kept) setKept(id);
      }}
    >
      <ol
        className="job-list"
        aria-label={t('screen.list')}
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((virtual) => {
          const item = items[virtual.index];
          if (!item) return null;
          return item.kind === 'head' ? (
            <li
              key={virtual.key}
              // Visual grouping: each row's status already says which part it is in, and a
              // list may only hold list items (a screen reader counts the jobs alone).
              aria-hidden="true"
              className="job-section-head"
              data-index={virtual.index}
              ref={virtualizer.measureElement}
              style={{ transform: `translateY(${virtual.start}px)` }}
            >
              <h3>{t(`sections.${item.section}`, { count: item.count })}</h3>
            </li>
          ) : (
            <JobRow
              key={virtual.key}
              id={item.id}
              index={virtual.index}
              position={virtual.index - heads.filter((head) => head < virtual.index).length + 1}
              setSize={total}
              start={virtual.start}
              measure={virtualizer.measureElement}
              onMove={onMove}
              onStep={onStep}
            />
          );
        })}
      </ol>
    </div>
  );
}
