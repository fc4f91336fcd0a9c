import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FPS,
  frameAt,
  lastFrame,
  measuredFps,
  seekBy,
  stepFrames,
  timecode,
  timeOfFrame,
} from './frames';

describe('frames', () => {
  it('counts the frame under the playhead from 0, robust to float noise', () => {
    expect(frameAt(0, 24)).toBe(0);
    expect(frameAt(1 / 24 - 1e-9, 24)).toBe(1);
    expect(frameAt(3.5, 24)).toBe(84);
    expect(frameAt(-1, 24)).toBe(0);
  });

  it('knows the last frame of a clip, and 0 while the duration is unknown', () => {
    expect(lastFrame(8, 24)).toBe(191);
    expect(lastFrame(8.02, 24)).toBe(192);
    expect(lastFrame(NaN, 24)).toBe(0);
    expect(lastFrame(Infinity, 24)).toBe(0);
  });

  it('seeks to the middle of a frame, so a seek that lands early still shows it', () => {
    expect(timeOfFrame(1, 24, 8)).toBeCloseTo(1.5 / 24);
    expect(frameAt(timeOfFrame(84, 24, 8), 24)).toBe(84);
    expect(timeOfFrame(-3, 24, 8)).toBeCloseTo(0.5 / 24);
    expect(frameAt(timeOfFrame(500, 24, 8), 24)).toBe(191);
  });

  it('steps one frame at a time either way and stops at the ends', () => {
    let time = 0;
    for (let i = 0; i < 3; i++) time = stepFrames(time, 1, 24, 8);
    expect(frameAt(time, 24)).toBe(3);
    time = stepFrames(time, -1, 24, 8);
    expect(frameAt(time, 24)).toBe(2);
    expect(frameAt(stepFrames(0, -1, 24, 8), 24)).toBe(0);
    expect(frameAt(stepFrames(7.99, 1, 24, 8), 24)).toBe(191);
    // At 30 fps a step is a 30th of a second.
    expect(frameAt(stepFrames(1, 1, 30, 8), 30)).toBe(31);
  });

  it('moves by seconds inside the clip', () => {
    expect(seekBy(2, 1, 8)).toBe(3);
    expect(seekBy(0.4, -1, 8)).toBe(0);
    expect(seekBy(7.5, 1, 8)).toBe(8);
    expect(seekBy(7.5, 1, NaN)).toBe(8.5);
  });

  it('writes mm:ss.ff with the frame inside its second', () => {
    expect(timecode(0, 24)).toBe('00:00.00');
    expect(timecode(3.5, 24)).toBe('00:03.12');
    expect(timecode(23 / 24 + 0.01, 24)).toBe('00:00.23');
    expect(timecode(75.5, 25)).toBe('01:15.12');
    // 23.976 fps: frame 24 still begins in second 1, never ".24".
    expect(timecode(24.5 / 23.976, 23.976)).toBe('00:01.00');
    expect(timecode(23.5 / 23.976, 23.976)).toBe('00:00.23');
  });
});

describe('the measured frame rate', () => {
  const times = (fps: number, n: number, start = 3) =>
    Array.from({ length: n }, (_, i) => start + i / fps);

  it('is unknown from too few frames', () => {
    expect(measuredFps(times(25, 5))).toBeNull();
    expect(measuredFps([])).toBeNull();
  });

  it('snaps to the common rate it is close to', () => {
    expect(measuredFps(times(25, 12))).toBe(25);
    expect(measuredFps(times(30000 / 1001, 12))).toBe(29.97);
    expect(measuredFps(times(24.1, 12))).toBe(DEFAULT_FPS);
  });

  it('keeps an uncommon rate, and ignores a dropped frame', () => {
    expect(measuredFps(times(16, 12))).toBe(16);
    const dropped = times(30, 13).filter((_, i) => i !== 6);
    expect(measuredFps(dropped)).toBe(30);
  });
});
