import type { ChangeEvent, MouseEvent } from 'react';
import type { Clip } from '../../../../shared/library';
import { useTranslation } from '../../i18n';
import { formatDateTime, formatNumber } from '../common/format';
import { useClipMedia } from '../app';
import { promptText } from './promptText';
import { useHoverScrub } from './useHoverScrub';
import './clipGrid.css';

/** The favourite mark is an icon, named by its aria-label. */
const STAR = '★';

/** How a card was picked: a plain click opens it, Ctrl/Cmd toggles, Shift selects a range. */
export interface Pick {
  toggle: boolean;
  range: boolean;
}

interface ClipCellProps {
  index: number;
  total: number;
  clip: Clip | undefined;
  selected: boolean;
  tabbable: boolean;
  onOpen: (clipId: string) => void;
  onPick: (index: number, clipId: string, pick: Pick) => void;
  onFocus: () => void;
}

const pickOf = (event: MouseEvent): Pick => ({
  toggle: event.ctrlKey || event.metaKey,
  range: event.shiftKey,
});

/**
 * One clip of the grid: a button that opens it (its name is the prompt, then the date, model,
 * duration and favourite), a checkbox that selects it, and hover-scrub over the poster.
 */
export function ClipCell(props: ClipCellProps) {
  const { index, total, clip } = props;
  const { t } = useTranslation(['library', 'common']);
  if (!clip) {
    return (
      <div
        role="listitem"
        aria-setsize={total}
        aria-posinset={index + 1}
        className="clip-cell loading"
      >
        <div className="poster" />
        <span className="hint">{t('common:loading')}</span>
      </div>
    );
  }
  return <LoadedCell {...props} clip={clip} />;
}

function LoadedCell({
  index,
  total,
  clip,
  selected,
  tabbable,
  onOpen,
  onPick,
  onFocus,
}: ClipCellProps & { clip: Clip }) {
  const media = useClipMedia();
  const { t } = useTranslation('library');
  const scrub = useHoverScrub(clip.durationSeconds);

  const onClick = (event: MouseEvent) => {
    const pick = pickOf(event);
    if (pick.toggle || pick.range) onPick(index, clip.id, pick);
    else onOpen(clip.id);
  };
  // React's change of a checkbox comes from its click, which carries the modifier keys.
  const onCheck = (event: ChangeEvent<HTMLInputElement>) => {
    const shift = event.nativeEvent instanceof MouseEvent && event.nativeEvent.shiftKey;
    onPick(index, clip.id, { toggle: !shift, range: shift });
  };

  return (
    <div
      role="listitem"
      aria-setsize={total}
      aria-posinset={index + 1}
      className={selected ? 'clip-cell selected' : 'clip-cell'}
    >
      <button
        type="button"
        data-index={index}
        data-clip-id={clip.id}
        tabIndex={tabbable ? 0 : -1}
        onFocus={onFocus}
        onClick={onClick}
      >
        <span className="clip-prompt">{promptText(clip.prompt)}</span>
        <span className="clip-meta">{formatDateTime(clip.createdAt)}</span>
        {/* After the words in the DOM, so the name starts with the prompt; shown first (CSS). */}
        <div className="poster" {...scrub.posterHandlers}>
          {clip.hasPoster ? (
            <img src={media(clip.id, 'poster')} alt="" loading="lazy" decoding="async" />
          ) : (
            <span className="no-poster" aria-hidden="true">
              {t('grid.noPoster')}
            </span>
          )}
          {scrub.active && (
            <video
              {...scrub.videoProps}
              className={scrub.shown ? 'scrub shown' : 'scrub'}
              src={media(clip.id, 'video')}
              muted
              playsInline
              preload="metadata"
              disablePictureInPicture
              aria-hidden="true"
              tabIndex={-1}
            />
          )}
          {/* The badges keep to the poster's edges: its middle stays clear. */}
          <span className="model-mark">{clip.model}</span>
          {clip.durationSeconds !== null && (
            <span className="duration-mark">
              {t('seconds', { value: formatNumber(clip.durationSeconds) })}
            </span>
          )}
          {clip.favourite && (
            <span className="fav-mark" role="img" aria-label={t('grid.favourite')}>
              {STAR}
            </span>
          )}
        </div>
      </button>
      <input
        type="checkbox"
        className="clip-check"
        tabIndex={-1}
        checked={selected}
        onChange={onCheck}
        aria-label={t('grid.select', { prompt: promptText(clip.prompt, 60) })}
      />
    </div>
  );
}
