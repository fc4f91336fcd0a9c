import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { DEFAULT_FPS, FPS_SAMPLES, measuredFps, seekBy, stepFrames } from './frames';
import {
  NO_AB,
  abRange,
  nearestSpeed,
  reverseStep,
  setA,
  setB,
  shuttle,
  wrapForward,
  type AbLoop,
  type Shuttle,
} from './transport';

/** What the control bar shows; the `<video>` is the truth and its events keep this in step. */
export interface PlayerView {
  time: number;
  duration: number;
  fps: number;
  /** Measured while playing; until then `fps` is the assumed DEFAULT_FPS. */
  fpsMeasured: boolean;
  paused: boolean;
  muted: boolean;
  volume: number;
  shuttle: Shuttle;
  loopAll: boolean;
  ab: AbLoop;
}

const initial: PlayerView = {
  time: 0,
  duration: NaN,
  fps: DEFAULT_FPS,
  fpsMeasured: false,
  paused: true,
  muted: false,
  volume: 1,
  shuttle: { direction: 'paused', rate: 1 },
  loopAll: false,
  ab: NO_AB,
};

/**
 * The player's state and what its controls and keys do. Playing backwards steps the picture
 * back on animation frames: Chromium plays no negative rate
 * (https://issues.chromium.org/issues/40410591).
 */
export function usePlayer() {
  const video = useRef<HTMLVideoElement>(null);
  const [view, setView] = useState(initial);
  // The event handlers read the latest view without being bound again on every frame.
  const latest = useRef(view);
  const update = useCallback((patch: Partial<PlayerView>) => {
    latest.current = { ...latest.current, ...patch };
    setView(latest.current);
  }, []);

  const seek = useCallback(
    (time: number) => {
      const el = video.current;
      if (!el) return;
      el.currentTime = time;
      update({ time });
    },
    [video, update],
  );

  useVideoEvents(video, latest, update);
  useBackward(video, latest, update, view.shuttle.direction === 'backward');
  // With an A–B loop the end of the clip wraps to A (on `ended`), not to the start.
  const nativeLoop = view.loopAll && abRange(view.ab) === null;
  useEffect(() => {
    if (video.current) video.current.loop = nativeLoop;
  }, [video, nativeLoop]);

  const setShuttle = useCallback(
    (next: Shuttle) => {
      const el = video.current;
      if (!el) return;
      update({ shuttle: next });
      if (next.direction === 'forward') {
        el.playbackRate = next.rate;
        void el.play()?.catch(() => update({ shuttle: { ...next, direction: 'paused' } }));
      } else el.pause();
    },
    [video, update],
  );

  const actions = {
    seek,
    setShuttle,
    playPause: () => {
      const { shuttle: s } = latest.current;
      setShuttle({ ...s, direction: s.direction === 'paused' ? 'forward' : 'paused' });
    },
    press: (key: 'j' | 'k' | 'l') => setShuttle(shuttle(latest.current.shuttle, key)),
    stepFrames: (frames: number) => {
      setShuttle({ ...latest.current.shuttle, direction: 'paused' });
      const { time, fps, duration } = latest.current;
      seek(stepFrames(time, frames, fps, duration));
    },
    seekBy: (seconds: number) =>
      seek(seekBy(latest.current.time, seconds, latest.current.duration)),
    setRate: (rate: number) => {
      const el = video.current;
      if (el) el.playbackRate = rate;
      update({ shuttle: { ...latest.current.shuttle, rate } });
    },
    setVolume: (volume: number) => {
      const el = video.current;
      if (!el) return;
      el.volume = volume;
      if (volume > 0 && el.muted) el.muted = false;
      // Shown now: `volumechange` comes a task later, after a second arrow press.
      update({ volume, muted: el.muted });
    },
    toggleMute: () => {
      const el = video.current;
      if (!el) return;
      el.muted = !el.muted;
      update({ muted: el.muted });
    },
    toggleLoop: () => update({ loopAll: !latest.current.loopAll }),
    setA: () => update({ ab: setA(latest.current.ab, latest.current.time) }),
    /** False when B would not come after A: nothing changes. */
    setB: (): boolean => {
      const ab = setB(latest.current.ab, latest.current.time);
      if (ab) update({ ab });
      return ab !== null;
    },
    clearAb: () => update({ ab: NO_AB }),
  };
  return { videoRef: video, view, actions };
}

type Latest = RefObject<PlayerView>;
type Update = (patch: Partial<PlayerView>) => void;

/** The video's events into the view; A–B wrapping; the frame rate measured while it plays. */
function useVideoEvents(video: RefObject<HTMLVideoElement | null>, latest: Latest, update: Update) {
  useEffect(() => {
    const el = video.current;
    if (!el) return;
    // Chromium has it; jsdom does not.
    const frames = 'requestVideoFrameCallback' in el;
    let previous = el.currentTime;
    const mediaTimes: number[] = [];
    let measured = false;

    const wrap = () => {
      const target = wrapForward(latest.current.ab, el.currentTime, previous);
      previous = el.currentTime;
      if (target === null || el.paused) return;
      el.currentTime = target;
      previous = target;
    };
    const sync = () => {
      wrap();
      update({ time: el.currentTime });
    };
    const onMeta = () =>
      update({ duration: el.duration, time: el.currentTime, volume: el.volume, muted: el.muted });
    const onPlay = () => {
      const { shuttle: s } = latest.current;
      update({ paused: false, shuttle: { ...s, direction: 'forward' } });
    };
    const onPause = () => {
      const { shuttle: s } = latest.current;
      // Playing backwards pauses the video itself: that is not a pause of the player.
      if (s.direction === 'backward') return update({ paused: true });
      update({ paused: true, shuttle: { ...s, direction: 'paused' } });
    };
    const onEnded = () => {
      const ab = latest.current.ab;
      // B at the very end: the video stops before B is seen to pass.
      if (ab.a !== null && ab.b !== null) {
        el.currentTime = ab.a;
        void el.play()?.catch(() => undefined);
      }
    };
    const onRate = () => {
      const { shuttle: s } = latest.current;
      if (s.direction !== 'backward')
        update({ shuttle: { ...s, rate: nearestSpeed(el.playbackRate) } });
    };
    const onVolume = () => update({ volume: el.volume, muted: el.muted });
    const onSeeking = () => {
      mediaTimes.length = 0;
      previous = el.currentTime;
    };

    let handle = 0;
    const onFrame: VideoFrameRequestCallback = (_now, meta) => {
      if (!measured && !el.paused && !el.seeking) {
        mediaTimes.push(meta.mediaTime);
        if (mediaTimes.length >= FPS_SAMPLES) {
          const fps = measuredFps(mediaTimes);
          mediaTimes.length = 0;
          measured = fps !== null;
          if (fps !== null) update({ fps, fpsMeasured: true });
        }
      }
      sync();
      handle = el.requestVideoFrameCallback(onFrame);
    };
    if (frames) handle = el.requestVideoFrameCallback(onFrame);

    const listeners: [string, () => void][] = [
      ['loadedmetadata', onMeta],
      ['durationchange', onMeta],
      ['timeupdate', sync],
      ['seeked', sync],
      ['seeking', onSeeking],
      ['play', onPlay],
      ['pause', onPause],
      ['ended', onEnded],
      ['ratechange', onRate],
      ['volumechange', onVolume],
    ];
    for (const [name, listener] of listeners) el.addEventListener(name, listener);
    if (el.readyState >= HTMLMediaElement.HAVE_METADATA) onMeta();
    return () => {
      for (const [name, listener] of listeners) el.removeEventListener(name, listener);
      if (frames) el.cancelVideoFrameCallback(handle);
    };
  }, [video, latest, update]);
}

/** While the shuttle plays backwards: the picture stepped back each animation frame. */
function useBackward(
  video: RefObject<HTMLVideoElement | null>,
  latest: Latest,
  update: Update,
  backward: boolean,
) {
  useEffect(() => {
    const el = video.current;
    if (!el || !backward) return;
    let last: number | null = null;
    let frame = requestAnimationFrame(function tick(now) {
      frame = requestAnimationFrame(tick);
      // A seek still under way: its time is counted into the next step, so the pace holds.
      if (el.seeking) return;
      const elapsed = last === null ? 0 : (now - last) / 1000;
      last = now;
      const { shuttle: s, ab, loopAll, duration } = latest.current;
      const step = reverseStep(el.currentTime, elapsed, s.rate, { loop: ab, loopAll, duration });
      if (step.time !== el.currentTime) el.currentTime = step.time;
      update({ time: step.time });
      if (step.stop) update({ shuttle: { ...s, direction: 'paused' } });
    });
    return () => cancelAnimationFrame(frame);
  }, [video, latest, update, backward]);
}
