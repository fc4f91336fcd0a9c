import { useCallback, useRef, useState } from 'react';
import type { Clip } from '../../../../../shared/library';
import { correctFollower, heldTime, leaderOf, stepTime } from './compareSync';

/** What the Compare view's controls read and call; the videos register with `videoRef(i)`. */
export interface CompareSync {
  videoRef: (index: number) => (video: HTMLVideoElement | null) => void;
  /** Each clip's length in seconds: the video's own once its metadata is in, else the sidecar's. */
  durations: number[];
  leader: number;
  /** The clock: the leader's time. */
  time: number;
  /** The clock's end: the leader's length. */
  end: number;
  playing: boolean;
  play: () => void;
  pause: () => void;
  /** To the frame at `time`, every clip. */
  seek: (time: number) => void;
  step: (frames: number) => void;
  /** Handlers for each video's events (the leader's drive the clock). */
  onTimeUpdate: (index: number) => void;
  onEnded: (index: number) => void;
  onMetadata: (index: number) => void;
}

// A rejected play() (the element went away, or a pause came first) needs no answer.
function start(video: HTMLVideoElement): void {
  Promise.resolve(video.play()).catch(() => undefined);
}

/**
 * One master clock for the Compare view: the leader plays, the followers are checked against
 * it on each of its time updates and after every command (see compareSync.ts for the rules),
 * and play, pause, seek and frame steps go to all of them.
 */
export function useCompareSync(
  clips: readonly Pick<Clip, 'id' | 'durationSeconds'>[],
): CompareSync {
  const videos = useRef<(HTMLVideoElement | null)[]>([]);
  // By clip, not by place: the clips compared may change while the view is open.
  const [measured, setMeasured] = useState<Partial<Record<string, number>>>({});
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);

  const durations = clips.map((c) => measured[c.id] ?? c.durationSeconds ?? 0);
  const leader = leaderOf(durations);
  const end = durations[leader] ?? 0;

  const videoRef = useCallback(
    (index: number) => (video: HTMLVideoElement | null) => {
      videos.current[index] = video;
    },
    [],
  );

  const sync = (playingNow: boolean) => {
    const lead = videos.current[leader];
    if (!lead) return;
    videos.current.forEach((video, i) => {
      if (!video || i === leader) return;
      const { seekTo, playback } = correctFollower(lead.currentTime, playingNow, {
        currentTime: video.currentTime,
        duration: durations[i] ?? 0,
        paused: video.paused,
        seeking: video.seeking,
      });
      if (seekTo !== null) video.currentTime = seekTo;
      if (playback === 'play') start(video);
      else if (playback === 'pause') video.pause();
    });
  };

  const seekAll = (to: number) => {
    const clock = heldTime(to, end);
    videos.current.forEach((video, i) => {
      if (video) video.currentTime = heldTime(clock, durations[i] ?? 0);
    });
    setTime(clock);
    return clock;
  };

  const pauseAll = () => {
    videos.current.forEach((video) => video?.pause());
    setPlaying(false);
  };

  return {
    videoRef,
    durations,
    leader,
    time,
    end,
    playing,
    play() {
      const lead = videos.current[leader];
      if (!lead) return;
      if (end > 0 && lead.currentTime >= end) seekAll(0);
      start(lead);
      setPlaying(true);
      sync(true);
    },
    pause() {
      pauseAll();
      // Stopped, every clip shows the same moment, not merely one within a frame of it.
      seekAll(videos.current[leader]?.currentTime ?? time);
    },
    seek(to) {
      // The middle of the frame under the scrubber, as a frame step lands: that frame shows.
      seekAll(stepTime(to, 0, end));
      if (playing) sync(true);
    },
    step(frames) {
      pauseAll();
      seekAll(stepTime(videos.current[leader]?.currentTime ?? time, frames, end));
    },
    onTimeUpdate(index) {
      const lead = videos.current[leader];
      if (index !== leader || !lead) return;
      setTime(lead.currentTime);
      sync(playing && !lead.paused);
    },
    onEnded(index) {
      if (index === leader) pauseAll();
    },
    onMetadata(index) {
      const duration = videos.current[index]?.duration;
      const clipId = clips[index]?.id;
      if (!clipId || duration === undefined || !Number.isFinite(duration) || duration <= 0) return;
      setMeasured((m) => ({ ...m, [clipId]: duration }));
    },
  };
}
