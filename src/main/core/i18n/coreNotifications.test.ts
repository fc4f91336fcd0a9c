import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreHarness, type CoreHarness } from '../../../../test/support/coreHarness';
import { isBeingSaved } from '../../../shared/jobs';

let h: CoreHarness;
beforeEach(() => (h = coreHarness()));
afterEach(async () => h.close());

const request = (prompt: string) => ({
  model: 'wan-2.6',
  prompt,
  mode: 'text' as const,
  durationSeconds: 5,
  inputImages: [],
});

/** Issue 14: the OS notifications speak the language main speaks (demo mode, virtual time). */
describe('notifications from the assembled core', () => {
  it('are Dutch once the setting says nl', async () => {
    const core = await h.start({ overrides: { demo: true } });
    await core.client.invoke('settings.update', { language: 'nl' });
    core.start();
    await core.client.invoke('jobs.submit', {
      request: request('een papieren vliegtuig'),
      copies: 2,
    });
    await h.advanceUntil(
      () => core.engine.jobs().every((j) => isBeingSaved(j.status) || j.status === 'saved'),
      'both tasks to complete',
    );
    // Saving takes no virtual time, only I/O; the news is shown after a short gather.
    await h.settled(() => core.engine.jobs().every((j) => j.status === 'saved'));
    await h.advance(5_000);
    const news = h.notifications.filter((n) => n.kind !== 'drained');
    expect(['2 clips klaar', 'Clip klaar,Clip klaar']).toContain(
      news.map((n) => n.title).join(','),
    );
    expect(news[0]?.body).toContain('“een papieren vliegtuig”');
    // Two jobs, and the queue ran dry: one summary, in Dutch too.
    const done = h.notifications.filter((n) => n.kind === 'drained');
    expect(done.map((n) => `${n.title}: ${n.body}`)).toEqual([
      'Wachtrij klaar: 2 clips klaar, gratis in de demo',
    ]);
  });
});
