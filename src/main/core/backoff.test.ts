import { describe, expect, it } from 'vitest';
import { backoffCeilingMs, backoffMs } from './backoff';

const backoff = { baseMs: 1000, capMs: 30_000 };

describe('backoff', () => {
  it('doubles the ceiling with each step, up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 20].map((step) => backoffCeilingMs(step, backoff))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
  });

  it('waits a random share of the ceiling, never the whole of it', () => {
    expect(backoffMs(0, backoff, () => 0)).toBe(0);
    expect(backoffMs(0, backoff, () => 0.999)).toBe(999);
    expect(backoffMs(2, backoff, () => 0.5)).toBe(2000);
    expect(backoffMs(20, backoff, () => 0.999)).toBeLessThan(30_000);
  });
});
