import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../i18n';
import { ClipCell, type Pick } from './ClipCell';
import { useLibraryStore } from './libraryStore';
import type { ClipSelection } from './useClipSelection';

const MIN_CELL = 220;
const GAP = 12;
const CAPTION = 56;

interface ClipGridProps {
  total: number;
  onOpen: (clipId: string) => void;
  selection: ClipSelection;
}

/** A key on a card itself (not on its checkbox, which has keys of its own). */
const onCard = (event: KeyboardEvent) =>
  event.target instanceof HTMLElement && event.target.dataset['index'] !== undefined;

/**
 * Posters in rows, virtualized: only the rows on screen (and a few around) are in the DOM,
 * so 10,000 clips scroll like 10. Arrow keys move between clips; Space selects the focused
 * one (Shift+Space the range to it), Ctrl/Cmd+A every clip shown, Escape none.
 */
export function ClipGrid({ total, onOpen, selection }: ClipGridProps) {
  const clips = useLibraryStore((s) => s.clips);
  const showRange = useLibraryStore((s) => s.showRange);
  const query = useLibraryStore((s) => s.query);
  const scroller = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [active, setActive] = useState(0);
  const { t } = useTranslation('library');

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () => setWidth(element.clientWidth);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const columns = Math.max(1, Math.floor((Math.max(width, MIN_CELL) + GAP) / (MIN_CELL + GAP)));
  const cellWidth = width > 0 ? (width - GAP * (columns - 1)) / columns : MIN_CELL;
  const rowHeight = Math.round((cellWidth * 9) / 16) + CAPTION + GAP;
  const rows = Math.ceil(total / columns);

  // The virtualizer is a mutable instance the React Compiler cannot memoize; this app does not
  // run the compiler, and the component reads it fresh on each render as TanStack documents
  // (https://github.com/TanStack/virtual/issues/736).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 3,
    initialRect: { width: 1000, height: 800 },
  });

  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer]);

  // A new search starts at the top.
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [query, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const firstRow = items[0]?.index ?? 0;
  const lastRow = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total > 0) showRange(firstRow * columns, Math.min(total - 1, (lastRow + 1) * columns - 1));
  }, [firstRow, lastRow, columns, total, showRange]);

  const focusIndex = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(Math.floor(next / columns), { align: 'auto' });
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus(),
    );
  };

  const pick = (index: number, clipId: string, { range }: Pick) => {
    if (range) void selection.extendTo(index, clipId);
    else selection.toggle(index, clipId);
  };

  /** The selection's keys; true when the key was one of them. */
  const selectionKey = (event: KeyboardEvent): boolean => {
    const clipId = clips[active]?.id;
    if (event.key === ' ' && onCard(event) && clipId) {
      pick(active, clipId, { toggle: !event.shiftKey, range: event.shiftKey });
    } else if (event.key.toLowerCase() === 'a' && (event.ctrlKey || event.metaKey)) {
      void selection.selectAll();
    } else if (event.key === 'Escape' && selection.ids.size > 0) {
      selection.clear();
      event.stopPropagation();
    } else return false;
    event.preventDefault();
    return true;
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (selectionKey(event)) return;
    const step: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: columns,
      ArrowUp: -columns,
      PageDown: columns * 4,
      PageUp: -columns * 4,
    };
    let next: number | undefined;
    if (event.key in step) next = active + (step[event.key] ?? 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = total - 1;
    if (next === undefined) return;
    event.preventDefault();
    focusIndex(next);
  };

  // The roving tab stop: the active clip, or the first on screen when it scrolled away.
  const firstShown = firstRow * columns;
  const shownActive =
    active >= firstShown && active <= (lastRow + 1) * columns - 1 ? active : firstShown;

  return (
    <div
      ref={scroller}
      className={selection.ids.size > 0 ? 'clip-scroller selecting' : 'clip-scroller'}
      onKeyDown={onKeyDown}
      // A button's Space acts on its keyup (Firefox): it selects here, it does not open.
      onKeyUp={(event) => event.key === ' ' && onCard(event) && event.preventDefault()}
    >
      <div
        role="list"
        aria-label={t('grid.label')}
        style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
      >
        {items.map((row) => (
          <div
            key={row.key}
            role="presentation"
            className="clip-row"
            style={{
              transform: `translateY(${row.start}px)`,
              height: rowHeight - GAP,
              gridTemplateColumns: `repeat(${columns}, 1fr)`,
              gap: GAP,
            }}
          >
            {Array.from({ length: columns }, (_, col) => {
              const index = row.index * columns + col;
              if (index >= total) return null;
              const clip = clips[index];
              return (
                <ClipCell
                  key={index}
                  index={index}
                  total={total}
                  clip={clip}
                  selected={clip !== undefined && selection.ids.has(clip.id)}
                  tabbable={index === shownActive}
                  onOpen={onOpen}
                  onPick={pick}
                  onFocus={() => setActive(index)}
                />
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
