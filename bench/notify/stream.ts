import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../src/main/core/clock';
import { openLibrary } from '../../src/main/core/library/openLibrary';
import { FileBlobStore } from '../../src/main/core/stores/fileBlobStore';
import { startSimulator, type Simulator } from '../../src/simulator';
import type { BenchContext } from '../support/context';
import { benchEngine, type BenchEngine } from '../support/engine';
import { sleepReal, waitFor } from '../support/stats';

export interface StreamSample {
  /** Real ms from the simulator marking the task done to the job shown `completed` (jobs.changed). */
  completed: number;
  /** … to the notifier being called. */
  notified: number;
}

/**
 * Completion → notification with the SSE stream, in real time. The simulator's clock moves
 * only when told (`autoTick: false`), so "done" is an exact moment: the `advance` call that
 * completes the task and writes its `completed` event to the open stream. The engine runs on
 * the system clock, as in the app, with its real notification batching (news in a quiet
 * moment at once, then a 2 s cooldown that groups followers). One job at a time, each after a
 * quiet moment longer than the cooldown, so each notification is a lone one; one warm-up job
 * first, not counted.
 */
export async function measureStream(
  ctx: BenchContext,
  samples: number,
  withLibrary: boolean,
): Promise<StreamSample[]> {
  const sim = await startSimulator({ autoTick: false, seed: 11 });
  const bench = benchEngine({ apiBase: sim.apiBase, apiKey: sim.apiKey, clock: systemClock });
  const root = ctx.tmp('airframe-bench-notify-');
  const library = withLibrary
    ? await openLibrary({
        folder: join(root, 'library'),
        clock: systemClock,
        api: bench.api,
        getApiKey: async () => sim.apiKey,
        blobs: new FileBlobStore(join(root, 'blobs')),
        listener: bench.engine.downloadListener,
        reveal: async () => {},
        emit: () => {},
      })
    : null;
  bench.start(library?.downloads);
  const results: StreamSample[] = [];
  try {
    for (let i = 0; i <= samples; i++) {
      const sample = await oneJob(
        sim,
        bench,
        `Notification sample ${i} ${withLibrary ? 'saved' : 'plain'}`,
      );
      if (i > 0) results.push(sample);
      // Past the batcher's cooldown, so the next completion is a lone one, not a follower.
      await sleepReal(2_200);
    }
  } finally {
    await bench.stop();
    await library?.close();
    await sim.close();
  }
  ctx.log(
    `  notify (SSE${withLibrary ? ' + library' : ''}): ${results.map((s) => Math.round(s.notified)).join(', ')} ms`,
  );
  return results;
}

async function oneJob(sim: Simulator, bench: BenchEngine, prompt: string): Promise<StreamSample> {
  const [job] = await bench.submit(prompt);
  if (!job) throw new Error('submit returned no job');
  await waitFor(
    () => bench.firstSeen(job.id, 'remote-queued') !== undefined,
    'the task to be created',
    10_000,
  );
  // Into `running`, with progress, as a real task would be when it ends.
  await sim.clock.advance(1_500);
  await waitFor(() => bench.firstSeen(job.id, 'running') !== undefined, 'the job to run', 10_000);
  await sleepReal(50 + Math.random() * 100);
  const before = bench.notifications.length;
  const t0 = performance.now();
  await sim.clock.advance(10_000);
  await waitFor(() => bench.notifications.length > before, 'the notification', 30_000, 1);
  const completed = bench.firstSeen(job.id, 'completed');
  const notified = bench.notifications[before];
  if (!completed || !notified) throw new Error('no completion seen');
  return { completed: completed.realAt - t0, notified: notified.realAt - t0 };
}
