import type { Random } from './random';
import { between } from './random';

export type Timing = 'fast' | 'realistic';

/** When a task starts running, its progress steps, and when it finishes (virtual ms). */
export interface Schedule {
  startsAt: number;
  steps: readonly { at: number; progress: number }[];
  endsAt: number;
}

/**
 * `fast` has a clip ready a few seconds after submitting (demos, tests); `realistic` follows
 * the provider's 30 s – 4 min, longer clips taking longer.
 */
export function planSchedule(
  random: Random,
  timing: Timing,
  createdAt: number,
  durationSeconds: number,
): Schedule {
  const queuedMs = timing === 'fast' ? between(random, 500, 1000) : between(random, 2_000, 10_000);
  const runMs =
    timing === 'fast'
      ? Math.min(5_000, 2_000 + Math.max(0, durationSeconds - 4) * 333 + between(random, 0, 1_000))
      : 20_000 + durationSeconds * between(random, 5_000, 20_000);
  const startsAt = Math.round(createdAt + queuedMs);
  const endsAt = Math.round(startsAt + runMs);

  // Uneven steps, like a real renderer's progress reports; strictly increasing and below 100.
  const count = 5 + Math.floor(random() * 6);
  let previous = { at: startsAt, progress: 0 };
  const steps = [previous];
  for (let i = 1; i <= count; i++) {
    const share = (i + between(random, -0.3, 0.3)) / (count + 1);
    const progress = Math.min(99, Math.max(previous.progress + 1, Math.round(share * 100)));
    const at = Math.max(previous.at + 1, Math.round(startsAt + share * runMs));
    if (progress <= previous.progress || at >= endsAt) break;
    previous = { at, progress };
    steps.push(previous);
  }
  return { startsAt, steps, endsAt };
}
