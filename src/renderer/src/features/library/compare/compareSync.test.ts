import { describe, expect, it } from 'vitest';
import {
  FRAME_SECONDS,
  correctFollower,
  frameAt,
  heldTime,
  lastFrame,
  leaderOf,
  stepTime,
  type FollowerState,
} from './compareSync';

const frame = FRAME_SECONDS;
const follower = (change: Partial<FollowerState> = {}): FollowerState => ({
  currentTime: 2,
  duration: 5,
  paused: false,
  seeking: false,
  ...change,
});

describe('frame math', () => {
  it('counts frames at 24 fps, a time read back a hair early still on its frame', () => {
    expect(frameAt(0)).toBe(0);
    expect(frameAt(1)).toBe(24);
    expect(frameAt(10 / 24 - 1e-9)).toBe(10);
    expect(frameAt(10.5 / 24)).toBe(10);
  });

  it('steps to the middle of the next or previous frame', () => {
    expect(stepTime(24.5 * frame, 1, 5)).toBeCloseTo(25.5 * frame, 9);
    expect(stepTime(24.5 * frame, -1, 5)).toBeCloseTo(23.5 * frame, 9);
    expect(stepTime(1, 1, 5)).toBeCloseTo(25.5 * frame, 9);
    expect(stepTime(10 / 24 - 1e-9, 1, 5)).toBeCloseTo(11.5 / 24, 9);
  });

  it('stays within the clip: its first frame and its last', () => {
    expect(lastFrame(5)).toBe(119);
    expect(lastFrame(5.01)).toBe(120);
    expect(stepTime(0, -1, 5)).toBeCloseTo(0.5 * frame, 9);
    expect(stepTime(119.5 * frame, 1, 5)).toBeCloseTo(119.5 * frame, 9);
    expect(stepTime(0.2 * frame, 1, 0.1 * frame)).toBeCloseTo(0.1 * frame, 9);
  });

  it('holds a shorter clip on its last frame', () => {
    expect(heldTime(3, 5)).toBe(3);
    expect(heldTime(7, 5)).toBe(5);
    expect(heldTime(-1, 5)).toBe(0);
  });

  it('lets the longest clip lead, unknown lengths counting as none', () => {
    expect(leaderOf([4, 8, 6])).toBe(1);
    expect(leaderOf([null, 3, null])).toBe(1);
    expect(leaderOf([5, 5])).toBe(0);
    expect(leaderOf([null, null])).toBe(0);
  });
});

describe('drift correction', () => {
  it('leaves a follower within a frame of the leader alone', () => {
    expect(correctFollower(2 + frame * 0.9, true, follower())).toEqual({
      seekTo: null,
      playback: null,
    });
  });

  it('seeks a follower more than a frame behind or ahead to the leader', () => {
    expect(correctFollower(2 + frame * 1.5, true, follower()).seekTo).toBeCloseTo(2 + frame * 1.5);
    expect(correctFollower(1.5, true, follower()).seekTo).toBe(1.5);
  });

  it('does not seek a follower whose seek is still under way', () => {
    expect(correctFollower(3, true, follower({ seeking: true })).seekTo).toBeNull();
  });

  it('plays a paused follower while the leader plays, and pauses it when the leader stops', () => {
    expect(correctFollower(2, true, follower({ paused: true })).playback).toBe('play');
    expect(correctFollower(2, false, follower()).playback).toBe('pause');
    expect(correctFollower(2, false, follower({ paused: true })).playback).toBeNull();
  });

  it('holds a shorter follower on its last frame while the leader plays on', () => {
    const short = follower({ currentTime: 4.6, duration: 5 });
    expect(correctFollower(6, true, short)).toEqual({ seekTo: 5, playback: 'pause' });
    const held = follower({ currentTime: 5, duration: 5, paused: true });
    expect(correctFollower(7, true, held)).toEqual({ seekTo: null, playback: null });
  });

  it('plays a held follower again once the leader is back within its length', () => {
    const held = follower({ currentTime: 5, duration: 5, paused: true });
    expect(correctFollower(1, true, held)).toEqual({ seekTo: 1, playback: 'play' });
  });
});
