/**
 * Frame arithmetic for the clip player. A clip's sidecar does not record its frame rate, so the
 * player assumes 24 fps (what the generation models deliver) until the browser's
 * `requestVideoFrameCallback` has shown enough frames to measure it (`measuredFps`).
 */
export const DEFAULT_FPS = 24;

/** The rates video is made at; a measured rate this close to one of them is that one. */
const COMMON_RATES = [23.976, 24, 25, 29.97, 30, 48, 50, 59.94, 60];
/** Frames to see before a measurement replaces the assumed rate. */
export const FPS_SAMPLES = 12;

/** Float noise: 0.9999999 frames is frame 1, not frame 0. */
const EPSILON = 1e-6;

/** The frame shown at `time` (seconds), counted from 0. */
export function frameAt(time: number, fps: number): number {
  return Math.max(0, Math.floor(time * fps + EPSILON));
}

/** The last frame of a clip `duration` seconds long (0 while the duration is unknown). */
export function lastFrame(duration: number, fps: number): number {
  if (!Number.isFinite(duration) || duration <= 0) return 0;
  return Math.max(0, Math.ceil(duration * fps - EPSILON) - 1);
}

/**
 * Where to seek to show `frame`: the middle of the frame, not its edge, so that a seek that
 * lands a hair early (decoders round timestamps) still shows that frame and not the one before.
 */
export function timeOfFrame(frame: number, fps: number, duration: number): number {
  const last = lastFrame(duration, fps);
  const clamped = Math.min(Math.max(0, Math.round(frame)), last);
  const time = (clamped + 0.5) / fps;
  return Number.isFinite(duration) && duration > 0 ? Math.min(time, duration) : time;
}

/** The time `frames` frames away from `time` (negative: back), kept inside the clip. */
export function stepFrames(time: number, frames: number, fps: number, duration: number): number {
  return timeOfFrame(frameAt(time, fps) + frames, fps, duration);
}

/** `time` moved by `seconds`, kept inside the clip. */
export function seekBy(time: number, seconds: number, duration: number): number {
  const end = Number.isFinite(duration) && duration > 0 ? duration : Infinity;
  return Math.min(Math.max(0, time + seconds), end);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `mm:ss.ff`: minutes, seconds and the frame within that second (minutes may pass 59). */
export function timecode(time: number, fps: number): string {
  const frame = frameAt(time, fps);
  const perSecond = Math.round(fps);
  const seconds = Math.floor(frame / fps + EPSILON);
  // 23.976 fps: frame 24 can still fall in second 0; the frame field never reaches perSecond.
  const within = Math.min(frame - Math.ceil(seconds * fps - EPSILON), perSecond - 1);
  return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}.${pad(Math.max(0, within))}`;
}

/**
 * The frame rate shown by successive `requestVideoFrameCallback` media times, or null while
 * there are too few. The median gap is one frame even when a few frames were dropped (a gap of
 * two) or repeated; the result is snapped to a common rate within 2 %.
 */
export function measuredFps(mediaTimes: readonly number[]): number | null {
  const gaps: number[] = [];
  for (let i = 1; i < mediaTimes.length; i++) {
    const gap = (mediaTimes[i] ?? 0) - (mediaTimes[i - 1] ?? 0);
    if (gap > EPSILON) gaps.push(gap);
  }
  if (gaps.length < FPS_SAMPLES - 1) return null;
  gaps.sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)] ?? 0;
  const fps = 1 / median;
  if (!Number.isFinite(fps) || fps < 1 || fps > 240) return null;
  const nearest = COMMON_RATES.reduce((best, rate) =>
    Math.abs(rate - fps) < Math.abs(best - fps) ? rate : best,
  );
  return Math.abs(nearest - fps) / nearest <= 0.02 ? nearest : Math.round(fps * 100) / 100;
}
