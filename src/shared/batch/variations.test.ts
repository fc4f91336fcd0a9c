import { describe, expect, it } from 'vitest';
import { variationSeeds } from './variations';

const MAX = 2 ** 32 - 1;

/** A fixed sequence, repeating its last value when it runs out. */
const sequence =
  (...values: number[]) =>
  () =>
    values.length > 1 ? (values.shift() ?? 0) : (values[0] ?? 0);

describe('variationSeeds', () => {
  it('counts up from a base seed, starting with the base itself', () => {
    expect(variationSeeds(4, { baseSeed: 42 })).toEqual([42, 43, 44, 45]);
    expect(variationSeeds(1, { baseSeed: 0 })).toEqual([0]);
  });

  it('wraps past the largest seed and stays in range', () => {
    expect(variationSeeds(3, { baseSeed: MAX - 1 })).toEqual([MAX - 1, MAX, 0]);
  });

  it('is the same for the same base seed, whatever the random source says', () => {
    const a = variationSeeds(5, { baseSeed: 7, random: () => 0.5 });
    expect(a).toEqual(variationSeeds(5, { baseSeed: 7, random: () => 0.9 }));
  });

  it('draws seeds from the random source, scaled to 32 bits', () => {
    expect(variationSeeds(3, { random: sequence(0, 0.5, 0.999999999999) })).toEqual([
      0,
      2 ** 31,
      MAX,
    ]);
  });

  it('moves a repeated draw to the next free seed, so every seed is distinct', () => {
    expect(variationSeeds(4, { random: () => 0.25 })).toEqual([
      2 ** 30,
      2 ** 30 + 1,
      2 ** 30 + 2,
      2 ** 30 + 3,
    ]);
    const seeds = variationSeeds(3, { random: () => 0.9999999999999 });
    expect(seeds).toEqual([MAX, 0, 1]);
  });

  it('keeps a broken random source within range', () => {
    const seeds = variationSeeds(3, { random: sequence(-0.5, 1.5, Number.NaN) });
    expect(seeds.every((s) => Number.isInteger(s) && s >= 0 && s <= MAX)).toBe(true);
    expect(new Set(seeds).size).toBe(3);
  });

  it('gives distinct in-range seeds from Math.random by default', () => {
    const seeds = variationSeeds(200);
    expect(new Set(seeds).size).toBe(200);
    expect(seeds.every((s) => Number.isInteger(s) && s >= 0 && s <= MAX)).toBe(true);
  });

  it('gives no seeds for no variations, and refuses counts and seeds that are not', () => {
    expect(variationSeeds(0, { baseSeed: 3 })).toEqual([]);
    expect(() => variationSeeds(-1)).toThrow(RangeError);
    expect(() => variationSeeds(1.5)).toThrow(RangeError);
    expect(() => variationSeeds(2, { baseSeed: MAX + 1 })).toThrow(RangeError);
    expect(() => variationSeeds(2, { baseSeed: -1 })).toThrow(RangeError);
  });
});
