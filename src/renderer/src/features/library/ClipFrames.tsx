import type { ClipFrame } from '../../../../shared/library';
import { useTranslation } from '../../i18n';
import { useClipMedia } from '../app';
import { formatClock } from '../common/format';
import type { Frame } from './frameGrab';
import './clipFrames.css';

/** What copying a still came to, said by the clip's actions. */
export type CopyOutcome = 'frameCopied' | 'frameCopyFailed';

interface ClipFramesProps {
  clipId: string;
  frames: readonly ClipFrame[];
  busy: boolean;
  onCopied: (outcome: CopyOutcome) => void;
  /** Starts a new job from this still, as "Continue from this frame" does from the player. */
  onUse: (frame: () => Promise<Frame>) => void;
}

/** The stills saved from a clip, small, each to copy as an image or to start a new job from. */
export function ClipFrames({ clipId, frames, busy, onCopied, onUse }: ClipFramesProps) {
  const { t } = useTranslation('library');
  const media = useClipMedia();
  if (frames.length === 0) return null;

  const stillOf = (frame: ClipFrame) => {
    const url = media(clipId, `frame-${frame.index}`);
    return async (): Promise<Frame> => {
      const response = url === undefined ? null : await fetch(url);
      if (!response?.ok) throw new Error(t('frames.gone'));
      return { blob: await response.blob(), atSeconds: frame.atSeconds };
    };
  };

  const copy = async (frame: ClipFrame) => {
    try {
      // The image as a promise: the clipboard is asked while the click still counts as one.
      const png = stillOf(frame)().then((still) => still.blob);
      // Said once, below, when the clipboard was refused before it read the image.
      png.catch(() => undefined);
      await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
      onCopied('frameCopied');
    } catch {
      onCopied('frameCopyFailed');
    }
  };

  return (
    <section className="clip-frames" aria-label={t('frames.label')}>
      <h3>{t('frames.label')}</h3>
      <ul>
        {frames.map((frame) => {
          const at = formatClock(frame.atSeconds * 1000);
          return (
            <li key={frame.index}>
              <img
                src={media(clipId, `frame-${frame.index}`)}
                alt={t('frames.still', { at })}
                loading="lazy"
              />
              <span>{at}</span>
              <button
                type="button"
                aria-label={t('frames.copyAt', { at })}
                onClick={() => void copy(frame)}
              >
                {t('frames.copy')}
              </button>
              <button
                type="button"
                aria-label={t('frames.useAt', { at })}
                aria-disabled={busy}
                onClick={() => onUse(stillOf(frame))}
              >
                {t('frames.use')}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
