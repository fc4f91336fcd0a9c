import { startSimulator, type Simulator } from '../src/simulator';
import type { Benchmark } from './support/context';
import { scaledClock } from './support/clocks';
import { benchEngine } from './support/engine';
import { exampleLoop } from './support/exampleLoop';
import { round, sleepReal, waitFor } from './support/stats';
import { verdict } from './table';

const CLIPS = 20;
const SPEED = 20;
const LOOP_SLOTS = 4;

interface Count {
  perClip: number;
  byRoute: Record<string, number>;
  runSeconds: number;
}

/**
 * Benchmark 2: API requests per finished clip, from the simulator's request log. 20 clips
 * queued at once in an engine (4 slots), `realistic` timing at ×20 virtual time; the same 20
 * through the example loop (4 at a time, the per-key limit) with another key; and the engine
 * with the stream refused (500) on a second simulator, its own row. All three at once.
 */
export const requests: Benchmark = {
  name: 'requests',
  title: 'API requests per finished clip',
  async run(ctx) {
    const main = await startSimulator({ speed: SPEED, timing: 'realistic', seed: 31 });
    const noStream = await startSimulator({ speed: SPEED, timing: 'realistic', seed: 31 });
    noStream.faults.next('stream', { kind: 'status', status: 500 }, 100_000);
    try {
      const loopKey = 'sk-air-bench-requests-loop';
      main.addKey(loopKey, 1_000_000);
      const [stream, polling, loop] = await Promise.all([
        engineRun(main, 'stream'),
        engineRun(noStream, 'polling'),
        loopRun(main, loopKey),
      ]);
      ctx.log(
        `  stream ${JSON.stringify(stream.byRoute)} · polling ${JSON.stringify(polling.byRoute)} · loop ${JSON.stringify(loop.byRoute)}`,
      );
      return [
        {
          bench: 'requests',
          what: `API requests per finished clip, SSE (${CLIPS} clips)`,
          figure: `${round(stream.perClip, 2)} per clip (${Object.entries(stream.byRoute)
            .map(([r, n]) => `${r} ${n}`)
            .join(', ')})`,
          reference: `example loop: ${round(loop.perClip, 1)} per clip; engine without the stream: ${round(polling.perClip, 1)}`,
          target: '≤ 3',
          met: verdict(stream.perClip <= 3),
          notes: [
            `Simulator request log, API routes only (no CDN), for the engine's key: ${CLIPS} jobs submitted through jobs.submit at once, 4 slots, \`realistic\` timing at ×${SPEED} (tasks ran ${round(stream.runSeconds, 0)} s of simulated time on average; the loop's ${round(loop.runSeconds, 0)} s). The one models call is the catalog's (cached 10 min).`,
          ],
          data: { stream, polling, exampleLoop: loop },
        },
        {
          bench: 'requests',
          what: `API requests per finished clip, stream refused (${CLIPS} clips)`,
          figure: `${round(polling.perClip, 2)} per clip (${Object.entries(polling.byRoute)
            .map(([r, n]) => `${r} ${n}`)
            .join(', ')})`,
          reference: `example loop: ${round(loop.perClip, 1)} per clip`,
          target: '≤ the loop',
          met: verdict(polling.perClip <= loop.perClip),
          notes: [
            `The same ${CLIPS} jobs on a second simulator (same seed) whose stream answers 500: the engine polls (pollPlan), one stream attempt per job. Tasks ran ${round(polling.runSeconds, 0)} s on average.`,
          ],
          data: { polling, exampleLoop: loop },
        },
      ];
    } finally {
      await Promise.all([main.close(), noStream.close()]);
    }
  },
};

async function engineRun(sim: Simulator, label: string): Promise<Count> {
  const bench = benchEngine({
    apiBase: sim.apiBase,
    apiKey: sim.apiKey,
    clock: scaledClock(() => sim.clock.now(), SPEED),
  });
  bench.start();
  try {
    const ids: string[] = [];
    for (let i = 0; i < CLIPS; i++)
      ids.push(...(await bench.submit(`Requests sample ${label} ${i}`)).map((j) => j.id));
    await waitFor(
      () => ids.every((id) => bench.firstSeen(id, 'completed') || bench.firstSeen(id, 'failed')),
      `${label}: all clips`,
      300_000,
      20,
    );
    const done = ids.filter((id) => bench.firstSeen(id, 'completed')).length;
    if (done !== CLIPS) throw new Error(`${label}: only ${done} of ${CLIPS} clips completed`);
  } finally {
    await bench.stop();
  }
  return count(sim, sim.apiKey);
}

async function loopRun(sim: Simulator, key: string): Promise<Count> {
  let next = 0;
  const slot = async () => {
    while (next < CLIPS) {
      const i = next++;
      await exampleLoop({
        apiBase: sim.apiBase,
        apiKey: key,
        prompt: `Requests sample loop ${i}`,
        now: () => sim.clock.now(),
        sleep: (ms) => sleepReal(ms / SPEED),
      });
    }
  };
  await Promise.all(Array.from({ length: LOOP_SLOTS }, slot));
  return count(sim, key);
}

function count(sim: Simulator, key: string): Count {
  const entries = sim.log.filter((r) => r.key === key && r.route !== 'cdn');
  const byRoute: Record<string, number> = {};
  for (const entry of entries) byRoute[entry.route] = (byRoute[entry.route] ?? 0) + 1;
  const tasks = sim.tasks().filter((t) => t.key === key && t.completedAt !== undefined);
  const runSeconds =
    tasks.reduce((sum, t) => sum + ((t.completedAt ?? 0) - t.created), 0) /
    Math.max(1, tasks.length) /
    1000;
  return { perClip: entries.length / CLIPS, byRoute, runSeconds };
}
