import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreHarness, type CoreHarness } from '../../../test/support/coreHarness';
import { isBeingSaved, type Job } from '../../shared/jobs';

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

const drained = () =>
  h.notifications.filter((n) => n.kind === 'drained').map((n) => `${n.title}: ${n.body}`);

describe('a batch draining in the assembled core (demo mode)', () => {
  it('tells once, with counts and spend, when a batch is done, and when the queue is done after several jobs', async () => {
    const core = await h.start({ overrides: { demo: true } });
    core.start();
    const jobs = ['dawn', 'noon', 'dusk'].map(request);
    const { batchId } = await core.client.invoke('jobs.submitBatch', { name: 'Overnight', jobs });
    const all = () => core.engine.jobs();
    const isEnd = (j: Job) => j.status === 'saved' || j.status === 'failed';
    const ended = () => all().every(isEnd);
    /** Done on the server, then saved: what is left (the download) needs no virtual time. */
    async function untilEnded(what: string) {
      await h.advanceUntil(() => all().every((j) => isEnd(j) || isBeingSaved(j.status)), what);
      await h.settled(ended);
    }
    await h.advanceUntil(() => all().every((j) => j.taskId !== null), 'the batch submitted');
    h.simulator()!.failTask(all()[1]!.taskId!);
    await untilEnded('the batch ending');
    await h.advance(5_000);
    // The queue was that batch: its own notification says it all.
    expect(drained()).toEqual([
      'Batch “Overnight” done: 2 clips ready, 1 failed and refunded, free in the demo',
    ]);
    expect(h.notifications.find((n) => n.kind === 'drained')).toMatchObject({ batchId });
    const { batches } = await core.client.invoke('batches.list', {});
    expect(batches[0]).toMatchObject({ counts: { saved: 2, failed: 1 }, spentCents: 400 });
    expect(batches[0]!.doneAt).not.toBeNull();

    // Two jobs of their own: the queue drains again, after more than one job.
    await core.client.invoke('jobs.submit', { request: request('two more'), copies: 2 });
    await untilEnded('the two jobs ending');
    await h.advance(5_000);
    expect(drained()).toEqual([
      'Batch “Overnight” done: 2 clips ready, 1 failed and refunded, free in the demo',
      'Queue done: 2 clips ready, free in the demo',
    ]);

    // One job alone is news enough by itself ("Clip ready"): no summary.
    await core.client.invoke('jobs.submit', { request: request('one alone'), copies: 1 });
    await untilEnded('the job alone ending');
    await h.advance(5_000);
    expect(drained()).toHaveLength(2);

    // A restart announces nothing again.
    await h.stop(core);
    const restarted = await h.start({ overrides: { demo: true } });
    restarted.start();
    await h.advance(10_000);
    expect(drained()).toHaveLength(2);
  }, 30_000);
});
