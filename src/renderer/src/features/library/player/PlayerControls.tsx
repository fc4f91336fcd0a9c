import { useId } from 'react';
import { useTranslation } from '../../../i18n';
import { Select } from '../../common/Select';
import { Slider } from '../../common/Slider';
import { Tooltip } from '../../common/Tooltip';
import { frameAt, lastFrame, timecode, timeOfFrame } from './frames';
import { SPEEDS, abRange, nearestSpeed } from './transport';
import type { usePlayer } from './usePlayer';

/**
 * Icons, not words: each button is named by its aria-label and described by a tooltip. Glyphs
 * that common UI fonts have (⏴ and ⛶ are missing from many).
 */
const PLAY = '▶';
const PAUSE = '❚❚';
const PREVIOUS = '❚◀';
const NEXT = '▶❚';
const FULLSCREEN = '⤢';
const HELP = '?';

type Player = ReturnType<typeof usePlayer>;

interface PlayerControlsProps extends Pick<Player, 'view' | 'actions'> {
  /** The clip may have sound: mute and volume are shown. */
  sound: boolean;
  fullscreen: boolean;
  onFullscreen: () => void;
  helpId: string;
  helpOpen: boolean;
  onHelp: () => void;
  onSetA: () => void;
  onSetB: () => void;
  onClearAb: () => void;
  /** What the last press could not do, shown as an alert. */
  status: string;
}

/** The bar under the video: seek by frame, transport, loops, speed, sound, full screen, keys. */
export function PlayerControls({ view, actions, ...props }: PlayerControlsProps) {
  const { t } = useTranslation('library');
  const positionId = useId();
  const volumeId = useId();
  const { fps, time, duration, ab } = view;
  const known = Number.isFinite(duration) && duration > 0;
  const frame = frameAt(time, fps);
  const last = lastFrame(duration, fps);
  const frames = { frame: Math.min(frame, last) + 1, frames: last + 1 };
  const moving = view.shuttle.direction !== 'paused';
  const range = abRange(ab);
  const abText = range
    ? t('player.abRange', { a: timecode(range.a, fps), b: timecode(range.b, fps) })
    : ab.a !== null
      ? t('player.abFrom', { a: timecode(ab.a, fps) })
      : '';

  return (
    <div className="player-controls" role="group" aria-label={t('player.controls')}>
      <div className="player-seek">
        <span id={positionId} className="visually-hidden">
          {t('player.position')}
        </span>
        <Slider
          labelledBy={positionId}
          min={0}
          max={last}
          value={Math.min(frame, last)}
          disabled={!known}
          onChange={(next) => actions.seek(timeOfFrame(next, fps, duration))}
          valueText={t('player.positionText', { time: timecode(time, fps), ...frames })}
        />
      </div>
      <div className="player-bar">
        <Tooltip label={t('player.tips.frameBack')}>
          <button
            type="button"
            aria-label={t('player.frameBack')}
            onClick={() => actions.stepFrames(-1)}
          >
            {PREVIOUS}
          </button>
        </Tooltip>
        <Tooltip label={t('player.tips.play')}>
          <button
            type="button"
            className="player-play"
            aria-label={moving ? t('player.pause') : t('player.play')}
            onClick={actions.playPause}
          >
            {moving ? PAUSE : PLAY}
          </button>
        </Tooltip>
        <Tooltip label={t('player.tips.frameForward')}>
          <button
            type="button"
            aria-label={t('player.frameForward')}
            onClick={() => actions.stepFrames(1)}
          >
            {NEXT}
          </button>
        </Tooltip>
        <span className="player-time">
          {t('player.timecode', {
            time: timecode(time, fps),
            duration: known ? timecode(duration, fps) : '--:--.--',
          })}
          <span className="player-frame">{t('player.frame', frames)}</span>
        </span>
        <span className="player-fps">
          {view.fpsMeasured ? t('player.fps', { fps }) : t('player.fpsAssumed', { fps })}
        </span>
      </div>
      <div className="player-bar">
        <button type="button" aria-pressed={view.loopAll} onClick={actions.toggleLoop}>
          {t('player.loop')}
        </button>
        <button type="button" aria-pressed={ab.a !== null} onClick={props.onSetA}>
          {t('player.setA')}
        </button>
        <button type="button" aria-pressed={ab.b !== null} onClick={props.onSetB}>
          {t('player.setB')}
        </button>
        {/* aria-disabled, not disabled: a disabled button drops its focus to the page. */}
        <button
          type="button"
          aria-disabled={ab.a === null && ab.b === null}
          onClick={props.onClearAb}
        >
          {t('player.clearAb')}
        </button>
        <Select
          label={t('player.speed')}
          className="field inline"
          options={SPEEDS.map((s) => ({
            value: String(s),
            label: t('player.speedValue', { value: s }),
          }))}
          value={String(nearestSpeed(view.shuttle.rate))}
          onChange={(value) => actions.setRate(Number(value))}
        />
        {props.sound && (
          <span className="player-sound">
            <Tooltip label={t('player.tips.mute')}>
              <button type="button" aria-pressed={view.muted} onClick={actions.toggleMute}>
                {t('player.mute')}
              </button>
            </Tooltip>
            <span id={volumeId} className="visually-hidden">
              {t('player.volume')}
            </span>
            <Slider
              labelledBy={volumeId}
              min={0}
              max={100}
              step={5}
              value={view.muted ? 0 : Math.round(view.volume * 100)}
              onChange={(value) => actions.setVolume(value / 100)}
              valueText={t('player.volumeText', { value: view.muted ? 0 : view.volume * 100 })}
            />
          </span>
        )}
        <span className="player-end">
          <Tooltip label={t('player.tips.fullscreen')}>
            <button
              type="button"
              aria-label={props.fullscreen ? t('player.exitFullscreen') : t('player.fullscreen')}
              onClick={props.onFullscreen}
            >
              {FULLSCREEN}
            </button>
          </Tooltip>
          <Tooltip label={t('player.tips.shortcuts')}>
            <button
              type="button"
              aria-label={t('player.shortcuts')}
              aria-expanded={props.helpOpen}
              aria-controls={props.helpId}
              onClick={props.onHelp}
            >
              {HELP}
            </button>
          </Tooltip>
        </span>
      </div>
      {abText && <p className="player-ab">{abText}</p>}
      {props.status && (
        <p className="inline-error" role="alert">
          {props.status}
        </p>
      )}
    </div>
  );
}
