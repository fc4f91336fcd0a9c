/*
 * Keeping two to four videos on one clock, as plain decisions on numbers: the Compare view
 * asks, the videos do. One video leads (the longest, so the clock runs to the last frame of
 * any clip); the others follow it and are corrected only when they drift more than a frame,
 * since every correction is a seek and a follower that is always seeking never shows a frame.
 */

/** No clip says its frame rate; 24 fps is what the models make. */
export const FRAME_SECONDS = 1 / 24;

// Times read back from a video are not exactly on the grid they were set to.
const GRID_TOLERANCE = 0.01;

/** The frame shown at `time` (the first frame is 0). */
export function frameAt(time: number, frame = FRAME_SECONDS): number {
  return Math.max(0, Math.floor(time / frame + GRID_TOLERANCE));
}

/** The last frame of a clip `duration` seconds long. */
export function lastFrame(duration: number, frame = FRAME_SECONDS): number {
  return Math.max(0, Math.ceil(duration / frame - GRID_TOLERANCE) - 1);
}

/**
 * Where to seek to show the frame `frames` on from the one at `time` (back when negative),
 * within the clip: the middle of that frame, not its edge, so that a decoder rounding the
 * time a hair early still shows it and not the one before.
 */
export function stepTime(time: number, frames: number, end: number, frame = FRAME_SECONDS): number {
  const target = Math.min(Math.max(0, frameAt(time, frame) + frames), lastFrame(end, frame));
  return Math.min((target + 0.5) * frame, Math.max(0, end));
}

/** Where a clip is at the clock's `time`: a clip shorter than the others holds its last frame. */
export function heldTime(time: number, duration: number): number {
  return Math.min(Math.max(0, time), Math.max(0, duration));
}

/** The clip that leads: the longest (the first of equals); unknown lengths count as none. */
export function leaderOf(durations: readonly (number | null)[]): number {
  let leader = 0;
  durations.forEach((d, i) => {
    if ((d ?? 0) > (durations[leader] ?? 0)) leader = i;
  });
  return leader;
}

/** What the view knows of a following video when it checks it. */
export interface FollowerState {
  currentTime: number;
  duration: number;
  paused: boolean;
  /** A seek under way: its time is where it is going, not where it is. */
  seeking: boolean;
}

/** What to do to a follower: seek it (or not), and play, pause or leave it. */
export interface Correction {
  seekTo: number | null;
  playback: 'play' | 'pause' | null;
}

/**
 * How a follower catches up with the leader at `leaderTime`: a seek when it is more than a
 * frame away (not while a seek is under way: that one is already heading somewhere), playing
 * while the leader plays and it has frames left, paused once it holds its last frame.
 */
export function correctFollower(
  leaderTime: number,
  leaderPlaying: boolean,
  follower: FollowerState,
  frame = FRAME_SECONDS,
): Correction {
  const target = heldTime(leaderTime, follower.duration);
  const drift = Math.abs(follower.currentTime - target);
  const seekTo = !follower.seeking && drift > frame ? target : null;
  const holding = target >= follower.duration - frame / 2;
  let playback: Correction['playback'] = null;
  if (leaderPlaying && !holding && follower.paused) playback = 'play';
  else if ((!leaderPlaying || holding) && !follower.paused) playback = 'pause';
  return { seekTo, playback };
}
