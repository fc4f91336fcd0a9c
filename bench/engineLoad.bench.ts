import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { SimTaskSnapshot } from '../src/simulator';
import { ManualClock } from '../src/main/core/clock';
import { openDatabase } from '../src/main/core/db/openDatabase';
import { startSimProcess } from './support/children';
import type { Benchmark } from './support/context';
import { benchEngine } from './support/engine';
import { kb, ms, round, sleepReal } from './support/stats';
import { verdict } from './table';

const JOBS = 200;
const FAIL_EVERY = 10;
const STEP_MS = 1_000;
const MAX_STEPS = 3_000;

/**
 * Benchmark 8: 200 jobs queued at once through the 4-slot limit, every tenth prompt carrying
 * `[fail]` (the simulator fails it at completion). The simulator runs in its own process with
 * its clock frozen; the benchmark moves it and the engine's ManualClock together, a virtual
 * second at a time (`fast` timing: tasks take 2.5–6 s), until every job has ended. CPU is the
 * engine process's own (process.cpuUsage); the simulator's is read from /proc.
 */
export const engineLoad: Benchmark = {
  name: 'engine-load',
  title: 'engine: 200 jobs, 4 slots, 10 % failures',
  async run(ctx) {
    const start = Date.UTC(2026, 10, 24, 9);
    const sim = await startSimProcess({
      autoTick: false,
      seed: 3,
      startTime: start,
      startBalanceCents: 10_000_000,
    });
    const clock = new ManualClock(start);
    const dbFile = join(ctx.tmp('airframe-bench-load-'), 'airframe.db');
    const { db } = openDatabase({ file: dbFile, now: () => clock.now() });
    const bench = benchEngine({ apiBase: sim.apiBase, apiKey: sim.apiKey, clock, db });
    try {
      bench.start();
      const prompts = Array.from(
        { length: JOBS },
        (_, i) => `Load job ${i}${i % FAIL_EVERY === FAIL_EVERY - 1 ? ' [fail]' : ''}`,
      );
      const simCpu0 = cpuOf(sim.pid);
      const loopDelay = monitorEventLoopDelay({ resolution: 10 });
      loopDelay.enable();
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const ids: string[] = [];
      for (const prompt of prompts) ids.push(...(await bench.submit(prompt)).map((j) => j.id));
      const ended = () =>
        ids.filter((id) =>
          ['completed', 'failed', 'expired'].includes(bench.engine.repo.get(id)?.status ?? ''),
        ).length;
      let maxActive = 0;
      let steps = 0;
      while (ended() < JOBS && steps < MAX_STEPS) {
        await sim.control('advance', { ms: STEP_MS });
        await clock.advance(STEP_MS);
        await sleepReal(2); // answers in flight land before the next step
        steps += 1;
        if (steps % 5 === 0) maxActive = Math.max(maxActive, active(await tasks(sim)));
      }
      const wallMs = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      const simCpuMs = cpuOf(sim.pid) - simCpu0;
      loopDelay.disable();
      const delayP99 = loopDelay.percentile(99) / 1e6;
      const delayMax = loopDelay.max / 1e6;

      const all = await tasks(sim);
      const perPrompt = new Map<string, number>();
      for (const task of all) perPrompt.set(task.prompt, (perPrompt.get(task.prompt) ?? 0) + 1);
      const duplicates = [...perPrompt.values()].filter((n) => n > 1).length;
      const missing = prompts.filter((p) => !perPrompt.has(p)).length;
      const statuses = countBy(ids.map((id) => bench.engine.repo.get(id)?.status ?? 'gone'));
      const log = await sim.inspect<{ data: { route: string; status: number }[] }>('log');
      const rateLimited = log.data.filter((r) => r.status === 429).length;
      const cpuMs = (cpu.user + cpu.system) / 1000;
      const allEnded = ended() === JOBS;
      ctx.log(
        `  ${JSON.stringify(statuses)} in ${steps} virtual s, ${ms(wallMs)} wall, CPU ${ms(cpuMs)}, sim CPU ${ms(simCpuMs)}`,
      );
      return [
        {
          bench: 'engine-load',
          what: `engine load: ${JOBS} jobs, 4 slots, 10 % [fail]`,
          figure: `${allEnded ? 'all ended' : `${ended()} of ${JOBS} ended`} (${Object.entries(
            statuses,
          )
            .map(([s, n]) => `${n} ${s}`)
            .join(
              ', ',
            )}); ${duplicates} duplicates; CPU ${ms(cpuMs)} (${round(cpuMs / JOBS, 1)} ms/job)`,
          reference: `simulator process CPU ${ms(simCpuMs)}; wall ${ms(wallMs)} for ${steps} virtual s; event-loop delay p99 ${ms(delayP99)}, max ${ms(delayMax)}`,
          target: 'all end, no duplicates, CPU reported',
          met: verdict(
            allEnded &&
              duplicates === 0 &&
              missing === 0 &&
              maxActive <= 4 &&
              statuses.completed === JOBS - JOBS / FAIL_EVERY,
          ),
          notes: [
            `One simulator task per job (matched by prompt): ${all.length} tasks for ${JOBS} jobs, ${missing} jobs without a task; at most ${maxActive} tasks unfinished at once (sampled every 5 virtual s); ${rateLimited} answers 429. CPU is user + system of the engine's process from the first submit to the last job ended, SSE and HTTP client included.`,
            `The queue persists to the SQLite database, as in the app: ${db.stats.durableCommits} commits that waited for the disk (synchronous=FULL: submitting, task ids, the ledger) and ${db.stats.otherCommits} that did not (synchronous=NORMAL); ${kb(sizeOf(dbFile))} of database and ${kb(sizeOf(`${dbFile}-wal`))} of WAL at the end.`,
          ],
          data: {
            eventLoopDelayP99Ms: delayP99,
            eventLoopDelayMaxMs: delayMax,
            durableCommits: db.stats.durableCommits,
            otherCommits: db.stats.otherCommits,
            statuses,
            duplicates,
            missing,
            maxActive,
            rateLimited,
            steps,
            wallMs,
            cpuUserMs: cpu.user / 1000,
            cpuSystemMs: cpu.system / 1000,
            simCpuMs,
          },
        },
      ];
    } finally {
      await bench.stop();
      await db.close();
      await sim.close();
    }
  },
};

async function tasks(sim: Awaited<ReturnType<typeof startSimProcess>>): Promise<SimTaskSnapshot[]> {
  const state = await sim.inspect<{ tasks: SimTaskSnapshot[] }>('state');
  return state.tasks;
}

const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0);

const active = (list: readonly SimTaskSnapshot[]) =>
  list.filter((t) => t.status === 'queued' || t.status === 'running').length;

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** User + system CPU ms of another process, from /proc/<pid>/stat. */
function cpuOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of the whole line, in clock ticks (100 per second here).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
