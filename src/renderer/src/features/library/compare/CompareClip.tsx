import { useState } from 'react';
import type { ClipDetails } from '../../../../../shared/library';
import { i18n, useTranslation } from '../../../i18n';
import { useClipMedia } from '../../app';
import { formatMoney, formatNumber } from '../../common/format';
import type { ComparedField, PromptPart } from './compareDiff';
import type { CompareSync } from './useCompareSync';

interface CompareClipProps {
  clip: ClipDetails;
  index: number;
  sync: CompareSync;
  differing: Set<ComparedField>;
  prompt: PromptPart[];
}

/** One clip of the comparison: its video (no controls of its own) and its parameters. */
export function CompareClip({ clip, index, sync, differing, prompt }: CompareClipProps) {
  const media = useClipMedia();
  const [playError, setPlayError] = useState(false);
  const { t } = useTranslation('library');
  const n = index + 1;
  const duration = sync.durations[index] ?? 0;
  const holding = index !== sync.leader && duration > 0 && sync.time > duration;
  return (
    <figure className="compare-clip" aria-label={t('compare.clip', { n })}>
      <div className="compare-player">
        <video
          ref={sync.videoRef(index)}
          preload="auto"
          playsInline
          // One clip is heard (the one that leads), not four at once.
          muted={index !== sync.leader}
          aria-label={t('compare.player', { n })}
          src={media(clip.id, 'video')}
          poster={clip.hasPoster ? media(clip.id, 'poster') : undefined}
          onTimeUpdate={() => sync.onTimeUpdate(index)}
          onEnded={() => sync.onEnded(index)}
          onLoadedMetadata={() => sync.onMetadata(index)}
          onError={() => setPlayError(true)}
        />
        {holding && <span className="compare-holds">{t('compare.holds')}</span>}
      </div>
      {playError && (
        <p className="inline-error" role="alert">
          {t('compare.playError')}
        </p>
      )}
      <figcaption>
        <p className="compare-prompt">
          <span className="visually-hidden">{t('details.prompt')}: </span>
          {clip.prompt === null
            ? t('promptUnknown')
            : prompt.map((part, i) =>
                part.shared ? (
                  <span key={i}>{part.text}</span>
                ) : (
                  <mark key={i}>
                    {part.text}
                    <span className="visually-hidden"> {t('compare.notInAll')}</span>
                  </mark>
                ),
              )}
        </p>
        <dl className="metadata compare-params" aria-label={t('details.label')}>
          {rows(clip).map(([field, label, value]) => (
            <div key={field} className={differing.has(field) ? 'differs' : undefined}>
              <dt>{label}</dt>
              <dd>
                {differing.has(field) ? (
                  <mark>
                    {value}
                    <span className="visually-hidden"> {t('compare.differs')}</span>
                  </mark>
                ) : (
                  value
                )}
              </dd>
            </div>
          ))}
        </dl>
      </figcaption>
    </figure>
  );
}

function rows(clip: ClipDetails): [ComparedField, string, string][] {
  const t = i18n.t.bind(i18n);
  return [
    ['model', t('library:details.model'), clip.model],
    [
      'durationSeconds',
      t('library:details.duration'),
      clip.durationSeconds === null
        ? t('library:details.unknown')
        : t('library:seconds', { value: formatNumber(clip.durationSeconds) }),
    ],
    [
      'aspectRatio',
      t('library:details.aspectRatio'),
      clip.aspectRatio ?? t('library:details.modelDefault'),
    ],
    ['quality', t('library:details.quality'), clip.quality ?? t('library:details.modelDefault')],
    [
      'seed',
      t('library:details.seed'),
      clip.seed === null ? t('library:details.random') : String(clip.seed),
    ],
    [
      'sound',
      t('library:details.sound'),
      clip.sound === null
        ? t('library:details.notAsked')
        : t(clip.sound ? 'library:details.yes' : 'library:details.no'),
    ],
    ['mode', t('library:details.mode'), t(`library:modes.${clip.mode}`)],
    [
      'costCents',
      t('library:details.cost'),
      clip.costCents === null ? t('library:details.unknown') : formatMoney(clip.costCents),
    ],
  ];
}
