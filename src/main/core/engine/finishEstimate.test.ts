import { describe, expect, it } from 'vitest';
import {
  DOCUMENTED_PRIOR,
  durationPrior,
  finishWindow,
  learntDurations,
  type PastJob,
  type TaskLook,
} from './finishEstimate';

const at = (t: number, status: TaskLook['status'], progress?: number): TaskLook => ({
  sentAt: t,
  receivedAt: t,
  status,
  ...(progress === undefined ? {} : { progress }),
});

describe('finishWindow', () => {
  it.each<[string, TaskLook[], number, number]>([
    // Stream events at exact times: a run of 100 s from 0, each event when its step happens.
    [
      'even progress seen exactly',
      [at(0, 'running', 0), at(20_000, 'running', 20), at(50_000, 'running', 50)].map((l) => ({
        ...l,
        live: true,
      })),
      96_000,
      101_100,
    ],
    // Polls every 10 s of a task running 0 → 100 s with steps at 10 %, 30 %, 60 %, 90 %.
    [
      'polled steps',
      [
        at(0, 'queued'),
        at(10_000, 'running', 10),
        at(20_000, 'running', 10),
        at(30_000, 'running', 30),
        at(60_000, 'running', 60),
        at(90_000, 'running', 90),
      ],
      90_000,
      110_000,
    ],
  ])('bounds the end around the truth: %s', (_, looks, low, high) => {
    const window = finishWindow(looks, 0);
    expect(window).not.toBeNull();
    expect(window!.earliest).toBeGreaterThanOrEqual(low - 1);
    expect(window!.latest).toBeLessThanOrEqual(high + 1);
    expect(window!.earliest).toBeLessThanOrEqual(100_000);
    expect(window!.latest).toBeGreaterThanOrEqual(100_000);
    expect(window!.ends.length).toBeGreaterThan(0);
    expect(window!.ends.every((e) => e >= window!.earliest - 1 && e <= window!.latest + 1)).toBe(
      true,
    );
    expect([...window!.ends].sort((a, b) => a - b)).toEqual(window!.ends);
  });

  it('leaves the end open while nothing bounds the run (queued, or running without progress)', () => {
    for (const looks of [[at(1_000, 'queued')], [at(0, 'queued'), at(5_000, 'running')]]) {
      const window = finishWindow(looks, 0);
      expect(window?.latest).toBe(Infinity);
      expect(window?.ends).toEqual([]);
      expect(window!.earliest).toBeGreaterThanOrEqual(looks.at(-1)!.sentAt);
    }
  });

  it('never expects the end before the last look that saw the task unfinished', () => {
    const window = finishWindow([at(0, 'running', 50), at(60_000, 'running', 50)], -60_000);
    expect(window!.earliest).toBeGreaterThanOrEqual(60_000);
  });

  it('is null when progress does not fit any even run (it went backwards)', () => {
    const looks = [at(0, 'queued'), at(10_000, 'running', 80), at(90_000, 'running', 81)];
    expect(finishWindow([...looks, at(95_000, 'running', 20)], 0)).toBeNull();
  });
});

describe('durationPrior', () => {
  it.each<[string, number[], Partial<typeof DOCUMENTED_PRIOR>]>([
    ['no samples: the documented 30 s – 4 min', [], DOCUMENTED_PRIOR],
    ['two samples are not enough', [50_000, 60_000], DOCUMENTED_PRIOR],
    [
      'three: median, lowest, highest',
      [60_000, 40_000, 50_000],
      { medianMs: 50_000, lowMs: 40_000, highMs: 60_000, samples: 3 },
    ],
    [
      'six or more: one outlier each side left out of the range',
      [10_000, 50_000, 52_000, 54_000, 56_000, 900_000],
      { medianMs: 53_000, lowMs: 50_000, highMs: 56_000, samples: 6 },
    ],
    [
      'only the last 50 count',
      [...Array.from({ length: 10 }, () => 1_000), ...Array.from({ length: 50 }, () => 70_000)],
      { medianMs: 70_000, lowMs: 70_000, highMs: 70_000, samples: 50 },
    ],
    ['nonsense ignored', [NaN, -5, 0, 40_000, 40_000, 40_000], { medianMs: 40_000, samples: 3 }],
  ])('%s', (_, durations, expected) => {
    expect(durationPrior(durations)).toMatchObject(expected);
  });
});

describe('learntDurations', () => {
  const job = (over: Partial<PastJob> & { model?: string; seconds?: number }): PastJob => ({
    request: { model: over.model ?? 'wan-2.6', durationSeconds: over.seconds ?? 5 },
    everCompleted: over.everCompleted ?? true,
    submittedAt: over.submittedAt === undefined ? 0 : over.submittedAt,
    finishedAt: over.finishedAt === undefined ? 60_000 : over.finishedAt,
  });

  it('takes completed jobs of the same model and length, oldest end first', () => {
    const history = [
      job({ submittedAt: 100_000, finishedAt: 170_000 }),
      job({ finishedAt: 50_000 }),
      job({ model: 'kling-1' }),
      job({ seconds: 8 }),
      job({ everCompleted: false }),
      job({ submittedAt: null }),
      job({ finishedAt: null }),
    ];
    expect(learntDurations(history, { model: 'wan-2.6', durationSeconds: 5 })).toEqual([
      50_000, 70_000,
    ]);
  });
});
