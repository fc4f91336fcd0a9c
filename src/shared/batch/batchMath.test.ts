import { describe, expect, it } from 'vitest';
import { budgetCheck, estimateDurationMs } from './batchMath';

describe('estimateDurationMs', () => {
  it('runs the jobs in rounds of the concurrency', () => {
    expect(estimateDurationMs(10, 4, 60_000)).toBe(180_000);
    expect(estimateDurationMs(8, 4, 60_000)).toBe(120_000);
    expect(estimateDurationMs(1, 4, 60_000)).toBe(60_000);
    expect(estimateDurationMs(3, 1, 1000)).toBe(3000);
  });

  it('takes no time for no jobs and at least one slot', () => {
    expect(estimateDurationMs(0, 4, 60_000)).toBe(0);
    expect(estimateDurationMs(3, 0, 1000)).toBe(3000);
    expect(estimateDurationMs(3, Number.NaN, 1000)).toBe(3000);
    expect(estimateDurationMs(3, 2.7, 1000)).toBe(2000);
  });
});

describe('budgetCheck', () => {
  it('fits anything without a budget', () => {
    expect(budgetCheck(1_000_000, 500, null)).toEqual({
      fits: true,
      overByCents: 0,
      remainingCents: null,
    });
  });

  it('lets the batch reach the budget exactly, as the engine does', () => {
    expect(budgetCheck(700, 300, 1000)).toEqual({
      fits: true,
      overByCents: 0,
      remainingCents: 700,
    });
  });

  it('says by how much the batch goes over', () => {
    expect(budgetCheck(701, 300, 1000)).toEqual({
      fits: false,
      overByCents: 1,
      remainingCents: 700,
    });
    expect(budgetCheck(500, 1200, 1000)).toEqual({
      fits: false,
      overByCents: 700,
      remainingCents: 0,
    });
  });

  it('fits an empty batch within the budget', () => {
    expect(budgetCheck(0, 1000, 1000).fits).toBe(true);
  });
});
