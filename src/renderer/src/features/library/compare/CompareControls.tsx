import { useTranslation } from '../../../i18n';
import { formatNumber } from '../../common/format';
import { FRAME_SECONDS, frameAt } from './compareSync';
import type { CompareSync } from './useCompareSync';

/** The one set of controls for all the clips: play or pause, the shared scrubber, frame steps. */
export function CompareControls({ sync }: { sync: CompareSync }) {
  const { t } = useTranslation('library');
  const seconds = (value: number) => t('seconds', { value: formatNumber(value) });
  const where = t('compare.time', {
    time: seconds(sync.time),
    total: seconds(sync.end),
    frame: formatNumber(frameAt(sync.time)),
  });
  return (
    <div className="compare-controls" role="group" aria-label={t('compare.controls')}>
      <button type="button" data-autofocus onClick={sync.playing ? sync.pause : sync.play}>
        {sync.playing ? t('compare.pause') : t('compare.play')}
      </button>
      <button type="button" aria-keyshortcuts="," onClick={() => sync.step(-1)}>
        {t('compare.previousFrame')}
      </button>
      <button type="button" aria-keyshortcuts="." onClick={() => sync.step(1)}>
        {t('compare.nextFrame')}
      </button>
      <input
        type="range"
        className="compare-scrubber"
        aria-label={t('compare.position')}
        aria-valuetext={where}
        min={0}
        max={sync.end}
        step={FRAME_SECONDS}
        value={Math.min(sync.time, sync.end)}
        onChange={(event) => sync.seek(event.currentTarget.valueAsNumber)}
      />
      <span className="compare-time" aria-hidden="true">
        {where}
      </span>
    </div>
  );
}
