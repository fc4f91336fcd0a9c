import { useEffect, useId, useImperativeHandle, useRef, useState, type RefObject } from 'react';
import { useTranslation } from '../../../i18n';
import { KeyboardHelp } from './KeyboardHelp';
import { PlayerControls } from './PlayerControls';
import { keyCommand, leavesKeyToPlayer, type PlayerCommand } from './playerKeys';
import { lastFrame, timecode, timeOfFrame } from './frames';
import { usePlayer } from './usePlayer';
import './player.css';

interface PlayerProps {
  /** The `<video>`, for whoever takes frames from it (the clip's actions). */
  video: RefObject<HTMLVideoElement | null>;
  src: string | undefined;
  poster?: string;
  /** False when the clip was made without sound: no mute or volume then. */
  sound: boolean;
}

/**
 * A frame-accurate player: the `<video>` (focusable, so its keys work from the first Tab) and
 * its own control bar, which replaces the browser's. Its keys answer while focus is in the
 * player, or elsewhere in its dialog except in a field or on a control that uses the key.
 */
export function Player({ video, src, poster, sound }: PlayerProps) {
  const { t } = useTranslation('library');
  const { videoRef, view, actions } = usePlayer();
  // The clip's actions take frames from this same element.
  useImperativeHandle(video, () => videoRef.current as HTMLVideoElement, [videoRef]);
  const box = useRef<HTMLDivElement>(null);
  const helpId = useId();
  const [helpOpen, setHelpOpen] = useState(false);
  const [fullscreen, setFullscreen] = useState(false);
  const [status, setStatus] = useState('');
  const [playError, setPlayError] = useState(false);

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void box.current?.requestFullscreen?.().catch(() => undefined);
  };
  const ab = {
    onSetA: () => {
      setStatus('');
      actions.setA();
    },
    onSetB: () => {
      const set = actions.setB();
      setStatus(set ? '' : t('player.bBeforeA', { a: timecode(view.ab.a ?? 0, view.fps) }));
    },
    onClearAb: () => {
      setStatus('');
      actions.clearAb();
    },
  };

  const run: Record<PlayerCommand, () => void> = {
    playPause: actions.playPause,
    frameBack: () => actions.stepFrames(-1),
    frameForward: () => actions.stepFrames(1),
    shuttleBack: () => actions.press('j'),
    shuttlePause: () => actions.press('k'),
    shuttleForward: () => actions.press('l'),
    secondBack: () => actions.seekBy(-1),
    secondForward: () => actions.seekBy(1),
    start: () => actions.seek(0),
    end: () =>
      actions.seek(timeOfFrame(lastFrame(view.duration, view.fps), view.fps, view.duration)),
    mute: actions.toggleMute,
    fullscreen: toggleFullscreen,
    help: () => setHelpOpen((open) => !open),
  };
  // The listener stays bound once; it calls the latest commands.
  const commands = useRef(run);
  useEffect(() => {
    commands.current = run;
  });

  useEffect(() => {
    const player = box.current;
    const scope = player?.closest<HTMLElement>('[role="dialog"]') ?? player;
    if (!scope) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const command = keyCommand(event);
      const target = event.target instanceof Element ? event.target : null;
      if (!command || event.defaultPrevented || !leavesKeyToPlayer(target, event.key)) return;
      event.preventDefault();
      commands.current[command]();
    };
    const onFullscreen = () => setFullscreen(document.fullscreenElement === player);
    scope.addEventListener('keydown', onKeyDown);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      scope.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, []);

  return (
    <div className="player" ref={box}>
      <video
        ref={videoRef}
        tabIndex={0}
        preload="metadata"
        aria-label={t('view.player')}
        src={src}
        poster={poster}
        onClick={actions.playPause}
        onError={() => setPlayError(true)}
      />
      {playError && (
        <p className="inline-error" role="alert">
          {t('view.playError')}
        </p>
      )}
      <PlayerControls
        view={view}
        actions={actions}
        sound={sound}
        fullscreen={fullscreen}
        onFullscreen={toggleFullscreen}
        helpId={helpId}
        helpOpen={helpOpen}
        onHelp={() => setHelpOpen((open) => !open)}
        {...ab}
        status={status}
      />
      <KeyboardHelp id={helpId} hidden={!helpOpen} />
    </div>
  );
}
