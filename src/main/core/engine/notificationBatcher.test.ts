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
  it('shows a completion in a quiet moment at once, with no gather', async () => {
    const { clock, shown, batcher } = setup();
    batcher.add(ready('a'));
    await clock.advance(0);
    expect(shown).toEqual([
      expect.objectContaining({ title: 'Clip ready', body: '“prompt a”', jobId: 'a', at: 0 }),
    ]);
    expect(clock.pending()).toBe(0);
  });

  it('makes clips finishing in the same moment one notification', async () => {
    const { clock, shown, batcher } = setup();
    batcher.add(ready('a'));
    batcher.add(ready('b'));
    batcher.add(ready('c'));
    await clock.advance(0);
    expect(shown.map((n) => [n.title, n.at])).toEqual([['3 clips ready', 0]]);
  });

  it('makes clips finishing together after the first one notification, at the cooldown’s end', async () => {
    const { clock, shown, batcher } = setup();
    batcher.add(ready('a'));
    await clock.advance(50);
    batcher.add(ready('b'));
    await clock.advance(650);
    batcher.add(ready('c'));
    await clock.advance(5000);
    expect(shown.map((n) => [n.title, n.at])).toEqual([
      ['Clip ready', 0],
      ['2 clips ready', 2000],
    ]);
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
      ['Clip ready', 0],
      ['2 clips ready', 2000],
      ['Clip failed', 2000],
    ]);
    expect(shown[2]?.body).toBe('“p” — The model could not render this prompt');
  });

  it('shows news after the cooldown at once again', async () => {
    const { clock, shown, batcher } = setup();
    batcher.add(ready('a'));
    await clock.advance(2500);
    batcher.add(ready('b'));
    await clock.advance(0);
    expect(shown.map((n) => [n.title, n.at])).toEqual([
      ['Clip ready', 0],
      ['Clip ready', 2500],
    ]);
  });

  it('still gathers when given a gather', async () => {
    const clock = new ManualClock(0);
    const shown: number[] = [];
    const batcher = new NotificationBatcher(
      clock,
      { notify: () => shown.push(clock.now()) },
      () => true,
      150,
    );
    batcher.add(ready('a'));
    await clock.advance(100);
    batcher.add(ready('b'));
    await clock.advance(500);
    expect(shown).toEqual([150]);
  });

  it('shows nothing, and schedules nothing, when notifications are off', async () => {
    const { clock, shown, batcher } = setup(false);
    batcher.add(ready('a'));
    expect(clock.pending()).toBe(0);
    await clock.advance(5000);
    expect(shown).toEqual([]);
  });
});
