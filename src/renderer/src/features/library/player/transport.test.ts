import { describe, expect, it } from 'vitest';
import {
  NO_AB,
  abRange,
  nearestSpeed,
  reverseStep,
  setA,
  setB,
  shuttle,
  wrapForward,
  type Shuttle,
} from './transport';

describe('the A–B loop', () => {
  it('is a range once A and B are set, B after A', () => {
    const a = setA(NO_AB, 1);
    expect(abRange(a)).toBeNull();
    const ab = setB(a, 2);
    expect(ab && abRange(ab)).toEqual({ a: 1, b: 2 });
  });

  it('refuses a B at or before A, and starts at 0 when only B is set', () => {
    expect(setB(setA(NO_AB, 3), 2)).toBeNull();
    expect(setB(setA(NO_AB, 3), 3)).toBeNull();
    expect(setB(NO_AB, 2)).toEqual({ a: 0, b: 2 });
  });

  it('drops B when A moves past it', () => {
    expect(setA({ a: 1, b: 2 }, 2.5)).toEqual({ a: 2.5, b: null });
    expect(setA({ a: 1, b: 2 }, 0.5)).toEqual({ a: 0.5, b: 2 });
  });

  it('wraps forward playback from B back to A, and lets a seek past B play on', () => {
    const ab = { a: 1, b: 2 };
    expect(wrapForward(ab, 1.9, 1.8)).toBeNull();
    expect(wrapForward(ab, 2.01, 1.95)).toBe(1);
    expect(wrapForward(ab, 2, 1.95)).toBe(1);
    expect(wrapForward(ab, 3.1, 3)).toBeNull();
    expect(wrapForward({ a: 1, b: null }, 5, 4.9)).toBeNull();
  });
});

describe('J/K/L', () => {
  const paused: Shuttle = { direction: 'paused', rate: 1 };
  const press = (keys: string) =>
    [...keys].reduce((s, key) => shuttle(s, key as 'j' | 'k' | 'l'), paused);

  it('L plays, L again plays at 2×, and no faster', () => {
    expect(press('l')).toEqual({ direction: 'forward', rate: 1 });
    expect(press('ll')).toEqual({ direction: 'forward', rate: 2 });
    expect(press('lll')).toEqual({ direction: 'forward', rate: 2 });
  });

  it('J plays backwards the same way; a change of direction starts again at 1×', () => {
    expect(press('jj')).toEqual({ direction: 'backward', rate: 2 });
    expect(press('llj')).toEqual({ direction: 'backward', rate: 1 });
  });

  it('K pauses and keeps the speed', () => {
    expect(press('llk')).toEqual({ direction: 'paused', rate: 2 });
    expect(press('llkl')).toEqual({ direction: 'forward', rate: 1 });
  });

  it('a slow chosen speed doubles from where it is', () => {
    expect(shuttle({ direction: 'forward', rate: 0.5 }, 'l')).toEqual({
      direction: 'forward',
      rate: 1,
    });
  });

  it('a video’s own rate shows as the nearest speed on offer', () => {
    expect(nearestSpeed(1.9)).toBe(2);
    expect(nearestSpeed(0.3)).toBe(0.25);
    expect(nearestSpeed(16)).toBe(2);
  });
});

describe('playing backwards by stepping', () => {
  const options = { loop: NO_AB, loopAll: false, duration: 8 };

  it('goes back as far as the wall time at the speed', () => {
    expect(reverseStep(4, 0.5, 1, options)).toEqual({ time: 3.5, stop: false });
    expect(reverseStep(4, 0.5, 2, options)).toEqual({ time: 3, stop: false });
  });

  it('stops at the start, or wraps to the end when the clip loops', () => {
    expect(reverseStep(0.2, 0.5, 1, options)).toEqual({ time: 0, stop: true });
    expect(reverseStep(0.2, 0.5, 1, { ...options, loopAll: true })).toEqual({
      time: 8,
      stop: false,
    });
  });

  it('wraps from A to B inside an A–B loop', () => {
    const loop = { a: 1, b: 2 };
    expect(reverseStep(1.2, 0.5, 1, { ...options, loop })).toEqual({ time: 2, stop: false });
    expect(reverseStep(1.8, 0.5, 1, { ...options, loop })).toEqual({ time: 1.3, stop: false });
    // Before A (a seek took it there) it plays back to the start.
    expect(reverseStep(0.4, 0.5, 1, { ...options, loop })).toEqual({ time: 0, stop: true });
  });
});
