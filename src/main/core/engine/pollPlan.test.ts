import { describe, expect, it } from 'vitest';
import type { FinishWindow, TaskLook } from './finishEstimate';
import { MAX_POLL_MS, MIN_POLL_MS, nextPollMs, pollDelayMs } from './pollPlan';

const mid = () => 0.5;
/** Plausible ends spread evenly over [from, to]. */
const spread = (from: number, to: number, n = 41): FinishWindow => ({
  earliest: from,
  latest: to,
  ends: Array.from({ length: n }, (_, i) => from + (i / (n - 1)) * (to - from)),
});

describe('pollDelayMs', () => {
  it.each<[string, Parameters<typeof pollDelayMs>[0], number]>([
    ['knowing nothing: 10 s', { now: 0, reported: null, learnt: null, random: mid }, 10_000],
    [
      'an end far off: the longest wait, to learn progress',
      { now: 0, reported: spread(60_000, 90_000), learnt: null, random: mid },
      MAX_POLL_MS,
    ],
    [
      'an end known to the second: just after it',
      { now: 0, reported: spread(8_000, 8_000, 2), learnt: null, random: mid },
      8_300,
    ],
    [
      'an end sooner than the shortest wait: the shortest wait',
      { now: 0, reported: spread(1_000, 2_000), learnt: null, random: mid },
      MIN_POLL_MS,
    ],
    [
      'past every plausible end: half as long as it is late',
      { now: 100_000, reported: spread(70_000, 80_000), learnt: null, random: mid },
      10_000,
    ],
    [
      'past every plausible end, long ago: no longer than the longest wait',
      { now: 200_000, reported: spread(70_000, 80_000), learnt: null, random: mid },
      MAX_POLL_MS,
    ],
    [
      'only the learnt range: polled over it',
      { now: 0, reported: null, learnt: { earliest: 30_000, latest: 240_000 }, random: mid },
      MAX_POLL_MS,
    ],
    [
      'reported ends kept to the learnt range',
      {
        now: 0,
        reported: spread(5_000, 45_000),
        learnt: { earliest: 9_000, latest: 9_000 },
        random: mid,
      },
      9_300,
    ],
  ])('%s', (_, input, expected) => {
    expect(pollDelayMs(input)).toBe(expected);
  });

  it('is always 5–15 s, whatever it is told', () => {
    const windows = [null, spread(-1e9, -1e9 + 1), spread(0, 1e9), spread(3_000, 3_000, 2)];
    for (const reported of windows)
      for (const now of [0, 7_000, 1e8])
        for (const r of [0, 0.999]) {
          const delay = pollDelayMs({ now, reported, learnt: null, random: () => r });
          expect(delay).toBeGreaterThanOrEqual(MIN_POLL_MS);
          expect(delay).toBeLessThanOrEqual(MAX_POLL_MS);
        }
  });

  it('starts its 5 s polls where an end anywhere in the window is seen soonest on average', () => {
    // Ends evenly over 10–20 s from now: no poll before 10 s, and the 5 s polls from the
    // first one see all but the last few within 5 s.
    const first = pollDelayMs({
      now: 0,
      reported: spread(10_000, 20_000),
      learnt: null,
      random: mid,
    });
    expect(first).toBeGreaterThanOrEqual(10_000);
    expect(first + MIN_POLL_MS).toBeGreaterThanOrEqual(19_500);
    // Ends bunched at 12 s within a wider window: aimed at the bunch.
    const bunched: FinishWindow = {
      earliest: 5_000,
      latest: 20_000,
      ends: [5_000, ...Array.from({ length: 20 }, () => 12_000), 20_000],
    };
    expect(pollDelayMs({ now: 0, reported: bunched, learnt: null, random: mid })).toBe(12_300);
  });
});

describe('nextPollMs', () => {
  const job = { request: { model: 'wan-2.6', durationSeconds: 5 }, submittedAt: 0 };
  const running = (t: number, progress: number): TaskLook => ({
    sentAt: t,
    receivedAt: t,
    status: 'running',
    progress,
  });

  it('aims at the end the progress points to', () => {
    // Even progress of a 100 s run from 0, polled: each step happened by its poll, after the
    // poll before. The run is 88–101 s; this poll and the next (5 s later) see its end.
    const looks = [running(0, 0), running(45_000, 45), running(80_000, 80), running(90_000, 90)];
    const delay = nextPollMs(
      { ...job, everCompleted: false, finishedAt: null },
      looks,
      [],
      90_000,
      mid,
    );
    expect(90_000 + delay).toBeGreaterThan(90_000 + MIN_POLL_MS - 1);
    expect(90_000 + delay).toBeLessThanOrEqual(100_000);
    expect(90_000 + delay + MIN_POLL_MS).toBeGreaterThanOrEqual(100_560);
  });

  it('waits the longest while queued when earlier tasks like it took a minute or more', () => {
    const past = [60_000, 65_000, 70_000].map((d) => ({
      ...job,
      everCompleted: true,
      finishedAt: d,
    }));
    const queued: TaskLook = { sentAt: 0, receivedAt: 0, status: 'queued' };
    expect(
      nextPollMs({ ...job, everCompleted: false, finishedAt: null }, [queued], past, 0, mid),
    ).toBe(MAX_POLL_MS);
    // … and polls about their end once the time comes, although the task never said progress.
    const late: TaskLook = { sentAt: 55_000, receivedAt: 55_000, status: 'running' };
    const delay = nextPollMs(
      { ...job, everCompleted: false, finishedAt: null },
      [queued, late],
      past,
      55_000,
      mid,
    );
    expect(delay).toBeGreaterThanOrEqual(MIN_POLL_MS);
    expect(55_000 + delay).toBeLessThanOrEqual(65_500);
  });
});
