import { MAX_SEED } from './promptParams';

/** Where variation seeds come from: a base seed (reproducible), or a random source. */
export interface SeedSource {
  /** Seeds are `baseSeed`, `baseSeed + 1`, … (wrapping past the largest seed). */
  baseSeed?: number;
  /** Returns a number in [0, 1), like Math.random (the default); used without a base seed. */
  random?: () => number;
}

const SEEDS = MAX_SEED + 1;

/**
 * `count` distinct seeds for the variations of one prompt, each within 0..2^32-1. With a base
 * seed they count up from it, so the first variation is the prompt's own seed and a batch can
 * be made again seed for seed; a random source gives a fresh spread, and a repeat it draws is
 * moved to the next free seed so no two variations come out the same.
 */
export function variationSeeds(count: number, source: SeedSource = {}): number[] {
  if (!Number.isInteger(count) || count < 0 || count > SEEDS)
    throw new RangeError(`variation count ${count}`);
  const { baseSeed } = source;
  if (baseSeed !== undefined) {
    if (!Number.isInteger(baseSeed) || baseSeed < 0 || baseSeed > MAX_SEED)
      throw new RangeError(`base seed ${baseSeed}`);
    return Array.from({ length: count }, (_, i) => (baseSeed + i) % SEEDS);
  }
  const random = source.random ?? Math.random;
  const seen = new Set<number>();
  const seeds: number[] = [];
  while (seeds.length < count) {
    const drawn = Math.floor(random() * SEEDS);
    // A source outside [0, 1) still gives a seed in range.
    let seed = (((Number.isFinite(drawn) ? drawn : 0) % SEEDS) + SEEDS) % SEEDS;
    while (seen.has(seed)) seed = (seed + 1) % SEEDS;
    seen.add(seed);
    seeds.push(seed);
  }
  return seeds;
}
