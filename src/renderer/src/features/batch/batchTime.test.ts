import { describe, expect, it } from 'vitest';
import type { PlannedJob } from '../../../../shared/batch';
import { batchTimeMs, UNSEEN_JOB_MS } from './batchTime';

const job = (model: string, durationSeconds: number) =>
  ({ draft: { model, durationSeconds } }) as unknown as PlannedJob;
const learnt = { averages: { 'wan-2.6|8': { ms: 40_000, n: 3 } }, seen: [] };

describe('the time a batch takes', () => {
  it('uses what clips of the same model and length took, spread over the slots', () => {
    const jobs = Array.from({ length: 8 }, () => job('wan-2.6', 8));
    expect(batchTimeMs(jobs, learnt, 4)).toBe(80_000);
  });

  it('guesses for a model not seen finishing yet, and never spreads wider than the jobs', () => {
    expect(batchTimeMs([job('kling-1', 5), job('wan-2.6', 8)], learnt, 4)).toBe(
      Math.ceil((UNSEEN_JOB_MS + 40_000) / 2),
    );
    expect(batchTimeMs([], learnt, 4)).toBe(0);
  });
});
