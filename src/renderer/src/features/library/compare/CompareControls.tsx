import { useTranslation } from '../../../i18n';
import { formatNumber } from '../../common/format';
import { FRAME_SECONDS, frameAt, lastFrame } from './compareSync';
import type { CompareSync } from './useCompareSync';

/** The one set of controls for all the clips: play or pause, the shared scrubber, frame steps. */
export function CompareControls({ sync }: { sync: CompareSync }) {
  const { t } = useTranslation('library');
  const seconds = (value: number) => t('seconds', { value: formatNumber(value) });
  const last = lastFrame(sync.end);
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
      {/* In frames, not seconds: a value off the step is moved onto it by the browser, and
          the change event that follows would seek again, a frame further. */}
      <input
        type="range"
        className="compare-scrubber"
        aria-label={t('compare.position')}
        aria-valuetext={where}
        min={0}
        max={last}
        step={1}
        value={Math.min(frameAt(sync.time), last)}
        onChange={(event) => sync.seek(event.currentTarget.valueAsNumber * FRAME_SECONDS)}
      />
      <span className="compare-time" aria-hidden="true">
        {where}
      </span>
    </div>
  );
}
