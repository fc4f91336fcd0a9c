import { startSimulator, type Simulator } from '../../src/simulator';
import { scaledClock } from '../support/clocks';
import { benchEngine, type BenchEngine } from '../support/engine';
import { exampleLoop } from '../support/exampleLoop';
import { sleepReal, waitFor } from '../support/stats';

/** Virtual ms per real ms: an 8 s poll costs 0.8 s; a realistic task 5–13 s. */
export const POLL_SPEED = 10;
const KEYS = 6;
/** Per key: the simulator's limit of unfinished tasks per key. */
const PER_KEY = 4;
/** Tasks one after another per slot: more samples, and earlier tasks for the engine to learn from. */
const ROUNDS = 3;

export interface PollSample {
  /** Virtual ms from the task's end on the simulator to the job shown `completed`. */
  completed: number;
  /** … to the notifier being called (after the batching window). */
  notified: number;
}

export interface PollingResult {
  engine: PollSample[];
  /** Virtual ms from the task's end to the example loop seeing it. */
  loop: number[];
  loopRequestsPerTask: number;
  engineRequestsPerTask: number;
  virtualRunSeconds: number;
}

/**
 * Completion → notification when the stream is unavailable (every stream request answers
 * 500, so the engine falls back to polling), beside the provider's example loop, both in the
 * simulator's virtual time at ×10 with `realistic` timing (tasks of 45 s – 2 min). The engine
 * runs on a clock that reads the simulator's virtual time and scales its timers, so its poll
 * cadence (5–15 s, aimed at the expected end) is what it would be in real life. "Done" is the
 * task's end time on the simulator (`completedAt`): a real provider is done then, whoever asks.
 * Engines and loops run at the same time, 6 keys each, 4 tasks at a time per key, 3 rounds
 * (72 samples each): from the second round the engine knows what earlier tasks took.
 */
export async function measurePolling(): Promise<PollingResult> {
  const sim = await startSimulator({ speed: POLL_SPEED, timing: 'realistic', seed: 23 });
  sim.faults.next('stream', { kind: 'status', status: 500 }, 100_000);
  const clock = scaledClock(() => sim.clock.now(), POLL_SPEED);
  const engines: { bench: BenchEngine; key: string; jobs: string[] }[] = [];
  try {
    for (let e = 0; e < KEYS; e++) {
      const key = `sk-air-bench-poll-engine-${e}`;
      sim.addKey(key, 1_000_000);
      const bench = benchEngine({ apiBase: sim.apiBase, apiKey: key, clock });
      bench.start();
      const jobs: string[] = [];
      for (let j = 0; j < PER_KEY * ROUNDS; j++)
        jobs.push(...(await bench.submit(`Polling sample ${e}.${j}`)).map((job) => job.id));
      engines.push({ bench, key, jobs });
    }
    const loops: Promise<{ latency: number; requests: number }[]>[] = [];
    for (let l = 0; l < KEYS; l++) {
      const key = `sk-air-bench-poll-loop-${l}`;
      sim.addKey(key, 1_000_000);
      for (let j = 0; j < PER_KEY; j++) loops.push(loopSlot(sim, key, `${l}.${j}`));
    }
    const loopResults = (await Promise.all(loops)).flat();
    const all = engines.flatMap(({ bench, jobs }) => jobs.map((id) => ({ bench, id })));
    await waitFor(
      () => all.every(({ bench, id }) => notifiedAfterCompletion(bench, id) !== undefined),
      'every polled job to be notified',
      300_000,
      20,
    );
    const engineSamples = all.map(({ bench, id }) => engineSample(sim, bench, id));
    const engineKeys = new Set(engines.map((e) => e.key));
    const engineRequests = sim.log.filter(
      (r) => r.route !== 'cdn' && r.route !== 'models' && r.key && engineKeys.has(r.key),
    ).length;
    const tasks = sim.tasks().filter((t) => t.completedAt !== undefined);
    const runSeconds =
      tasks.reduce((sum, t) => sum + ((t.completedAt ?? 0) - t.created), 0) / tasks.length / 1000;
    return {
      engine: engineSamples,
      loop: loopResults.map((r) => r.latency),
      loopRequestsPerTask: loopResults.reduce((sum, r) => sum + r.requests, 0) / loopResults.length,
      engineRequestsPerTask: engineRequests / all.length,
      virtualRunSeconds: runSeconds,
    };
  } finally {
    await Promise.all(engines.map((e) => e.bench.stop()));
    await sim.close();
  }
}

/** ROUNDS example loops one after another, as the engine's slot runs its jobs. */
async function loopSlot(sim: Simulator, apiKey: string, name: string) {
  const results: { latency: number; requests: number }[] = [];
  for (let r = 0; r < ROUNDS; r++)
    results.push(await loopSample(sim, apiKey, `Example loop sample ${name}.${r}`));
  return results;
}

async function loopSample(sim: Simulator, apiKey: string, prompt: string) {
  const result = await exampleLoop({
    apiBase: sim.apiBase,
    apiKey,
    prompt,
    now: () => sim.clock.now(),
    sleep: (ms) => sleepReal(ms / POLL_SPEED),
  });
  const task = sim.tasks().find((t) => t.id === result.taskId);
  if (!task?.completedAt)
    throw new Error(`example loop: task ${result.taskId} did not complete (${result.status})`);
  return { latency: result.seenAt - task.completedAt, requests: result.requests };
}

/** The first notification after the job was shown completed: the one that carried it. */
function notifiedAfterCompletion(bench: BenchEngine, jobId: string) {
  const completed = bench.firstSeen(jobId, 'completed');
  return completed ? bench.notifications.find((n) => n.realAt >= completed.realAt) : undefined;
}

function engineSample(sim: Simulator, bench: BenchEngine, jobId: string): PollSample {
  const completed = bench.firstSeen(jobId, 'completed');
  const notified = notifiedAfterCompletion(bench, jobId);
  const task = sim.tasks().find((t) => t.id === completed?.job.taskId);
  if (!completed || !notified || !task?.completedAt)
    throw new Error(`job ${jobId}: no completion seen`);
  return {
    completed: completed.clockAt - task.completedAt,
    notified: notified.clockAt - task.completedAt,
  };
}
