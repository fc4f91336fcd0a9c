import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { english, messagesIn } from '../i18n';
import type { UserNotification } from '../ports';
import { NotificationBatcher } from './notificationBatcher';
import { composeNotification, type NotificationItem } from './notificationText';

const item = (
  kind: NotificationItem['kind'],
  jobId: string,
  reason?: string,
): NotificationItem => ({
  kind,
  jobId,
  prompt: `prompt ${jobId}`,
  ...(reason ? { reason } : {}),
});
const compose = (language: 'en' | 'nl', group: NotificationItem[]) =>
  composeNotification(
    language === 'en' ? english : messagesIn(language),
    group[0]!.kind,
    group,
    group[0]!,
  );

describe('notification texts', () => {
  it('count clips in the title and list the first prompts, in English', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map((id) => item('ready', id));
    expect(compose('en', five)).toMatchObject({
      title: '5 clips ready',
      body: '“prompt a”, “prompt b”, “prompt c” and 2 more',
      jobId: 'a',
    });
    expect(compose('en', [item('failed', 'x', 'Content policy')])).toMatchObject({
      title: 'Clip failed',
      body: '“prompt x” — Content policy',
    });
    expect(compose('en', [item('expired', 'x'), item('expired', 'y')]).title).toBe(
      '2 clips expired before they could be saved',
    );
  });

  it('are Dutch, plurals included', () => {
    expect(compose('nl', [item('ready', 'a')])).toMatchObject({
      title: 'Clip klaar',
      body: '“prompt a”',
    });
    expect(compose('nl', [item('ready', 'a'), item('ready', 'b')])).toMatchObject({
      title: '2 clips klaar',
      body: '“prompt a”, “prompt b”',
    });
    const four = ['a', 'b', 'c', 'd'].map((id) => item('failed', id));
    expect(compose('nl', four)).toMatchObject({
      title: '4 clips mislukt',
      body: '“prompt a”, “prompt b”, “prompt c” en nog 1',
    });
    expect(compose('nl', [item('expired', 'a')]).title).toBe(
      'Clip verlopen voordat hij kon worden opgeslagen',
    );
  });

  it('are worded when shown, in the language of that moment', async () => {
    const clock = new ManualClock(0);
    const shown: UserNotification[] = [];
    let language: 'en' | 'nl' = 'en';
    const messages = {
      t: (...args: Parameters<typeof english.t>) => messagesIn(language).t(...args),
      language: () => language,
    };
    const batcher = new NotificationBatcher(
      clock,
      { notify: (n) => shown.push(n) },
      () => true,
      undefined,
      undefined,
      messages,
    );
    batcher.add(item('ready', 'a'));
    batcher.add(item('ready', 'b'));
    language = 'nl';
    await clock.advance(500);
    expect(shown.map((n) => n.title)).toEqual(['2 clips klaar']);
  });
});
