import { randomInt } from 'node:crypto';

/** A seeded PRNG (mulberry32): the same seed gives the same task ids and timings. */
export type Random = () => number;

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Without a seed the run must not repeat an earlier one: demo mode restarts the simulator
 * while the app still remembers task ids from the last session.
 */
export function freshSeed(): number {
  return randomInt(0, 2 ** 32 - 1);
}

const alphanumerics = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function randomCode(random: Random, length: number, alphabet = alphanumerics): string {
  let code = '';
  for (let i = 0; i < length; i++) code += alphabet[Math.floor(random() * alphabet.length)];
  return code;
}

export function between(random: Random, min: number, max: number): number {
  return min + random() * (max - min);
}
