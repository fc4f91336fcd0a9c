import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import type { UserNotification } from '../ports';
import { NotificationBatcher } from './notificationBatcher';

function setup(enabled = true) {
  const clock = new ManualClock(0);
  const shown: (UserNotification & { at: number })[] = [];
  const batcher = new NotificationBatcher(
    clock,
    { notify: (n) => shown.push({ ...n, at: clock.now() }) },
    () => enabled,
  );
  return { clock, shown, batcher };
}

const ready = (jobId: string) => ({ kind: 'ready' as const, jobId, prompt: `prompt ${jobId}` });

describe('NotificationBatcher', () => {
  it('shows a lone completion within a quarter of a second', async () => {
    const { clock, shown, batcher } = setup();
    batcher.add(ready('a'));
    await clock.advance(250);
    expect(shown).toEqual([
      expect.objectContaining({ title: 'Clip ready', body: '“prompt a”', jobId: 'a', at: 150 }),
    ]);
    expect(clock.pending()).toBe(0);
  });

  it('makes clips finishing together one notification', async () => {
    const { clock, shown, batcher } = setup();
    batcher.add(ready('a'));
    await clock.advance(50);
    batcher.add(ready('b'));
    batcher.add(ready('c'));
    await clock.advance(500);
    expect(shown.map((n) => n.title)).toEqual(['3 clips ready']);
  });

  it('gathers what follows within two seconds into one more, and groups by kind', async () => {
    const { clock, shown, batcher } = setup();
    batcher.add(ready('a'));
    await clock.advance(500);
    batcher.add(ready('b'));
    await clock.advance(700);
    batcher.add({
      kind: 'failed',
      jobId: 'c',
      prompt: 'p',
      reason: 'The model could not render this prompt',
    });
    batcher.add(ready('d'));
    await clock.advance(2000);
    expect(shown.map((n) => [n.title, n.at])).toEqual([
      ['Clip ready', 150],
      ['2 clips ready', 2150],
      ['Clip failed', 2150],
    ]);
    expect(shown[2]?.body).toBe('“p” — The model could not render this prompt');
  });

  it('shows nothing, and schedules nothing, when notifications are off', async () => {
    const { clock, shown, batcher } = setup(false);
    batcher.add(ready('a'));
    expect(clock.pending()).toBe(0);
    await clock.advance(5000);
    expect(shown).toEqual([]);
  });
});
