import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock';
import { createRandom } from './random';
import { planSchedule } from './timing';

describe('virtual clock', () => {
  it('stands still without auto-ticking, except for manual shifts', () => {
    const clock = new VirtualClock(1_000, 50, false);
    expect(clock.now()).toBe(1_000);
    clock.shift(2_500);
    expect(clock.now()).toBe(3_500);
    expect(() => clock.shift(-1)).toThrow(RangeError);
    expect(() => clock.shift(Number.NaN)).toThrow(RangeError);
  });

  it('runs at the speed factor when auto-ticking', async () => {
    const clock = new VirtualClock(0, 1_000, true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.now()).toBeGreaterThanOrEqual(15_000);
    expect(clock.toReal(10_000)).toBe(10);
  });
});

describe('task schedules', () => {
  const seeds = Array.from({ length: 200 }, (_, i) => i);

  it('fast: queued 0.5–1 s, running 2–5 s, progress strictly rising below 100', () => {
    for (const seed of seeds) {
      const plan = planSchedule(createRandom(seed), 'fast', 0, 5 + (seed % 6));
      expect(plan.startsAt).toBeGreaterThanOrEqual(500);
      expect(plan.startsAt).toBeLessThanOrEqual(1_000);
      expect(plan.endsAt - plan.startsAt).toBeGreaterThanOrEqual(2_000);
      expect(plan.endsAt - plan.startsAt).toBeLessThanOrEqual(5_000);
      expect(plan.steps[0]).toEqual({ at: plan.startsAt, progress: 0 });
      plan.steps.slice(1).forEach((step, i) => {
        const previous = plan.steps[i] ?? step;
        expect(step.progress).toBeGreaterThan(previous.progress);
        expect(step.at).toBeGreaterThan(previous.at);
        expect(step.progress).toBeLessThan(100);
        expect(step.at).toBeLessThan(plan.endsAt);
      });
    }
  });

  it('takes longer for longer clips, and 30 s – 4 min when realistic', () => {
    const runFor = (timing: 'fast' | 'realistic', duration: number) =>
      seeds.map((seed) => planSchedule(createRandom(seed), timing, 0, duration).endsAt);
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean(runFor('fast', 10))).toBeGreaterThan(mean(runFor('fast', 5)) + 1_000);
    const realistic = [...runFor('realistic', 4), ...runFor('realistic', 10)];
    expect(Math.min(...realistic)).toBeGreaterThanOrEqual(30_000);
    expect(Math.max(...realistic)).toBeLessThanOrEqual(240_000);
    expect(mean(runFor('realistic', 10))).toBeGreaterThan(mean(runFor('realistic', 4)));
  });
});
