import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHostCore } from '../src/host/hostCore';
import { ManualClock } from '../src/main/core/clock';
import { repoRoot } from './support/build';
import { firstLine, stopChild } from './support/children';
import { hostCommand } from './support/hostBundle';
import { CountingClock } from './support/clocks';
import type { Benchmark } from './support/context';
import { round, sleepReal } from './support/stats';
import { verdict } from './table';

const REAL_SECONDS = 10;

/**
 * Benchmark 7: an app with nothing to do should not wake up. (a) The core as the browser host
 * builds it (createHostCore: engine, library; no jobs) on a manual clock wrapped to count
 * every timer; a virtual minute passes. (b) The browser host as a
 * process (`src/host/cli.ts` bundled, under plain Node, no page open): context switches of all its threads over
 * 10 real seconds, beside a bare Node process doing nothing, measured at the same time.
 */
export const idle: Benchmark = {
  name: 'idle',
  title: 'idle: timers and wakeups with no jobs',
  async run(ctx) {
    const manual = new ManualClock(Date.UTC(2026, 10, 24, 9));
    const clock = new CountingClock(manual);
    const dataDir = ctx.tmp('airframe-bench-idle-');
    const core = await createHostCore({ dataDir, demo: false, clock });
    core.start();
    await manual.advance(1_000); // start-up settles
    clock.reset();
    await manual.advance(60_000);
    const scheduled = clock.scheduled.length;
    const fired = clock.fired;
    const pending = manual.pending();
    const callers = [...new Set(clock.scheduled.map((t) => t.caller))];
    await core.stop();

    const real = await processWakeups(ctx.tmp('airframe-bench-idle-host-'));
    ctx.log(
      `  core: ${scheduled} timers scheduled, ${fired} fired in a virtual minute; host ${real.host}/min, bare node ${real.bare}/min`,
    );
    return [
      {
        bench: 'idle',
        what: 'idle core: timers per minute (no jobs)',
        figure: `${scheduled} scheduled, ${fired} fired, ${pending} pending`,
        reference: '—',
        target: '0',
        met: verdict(scheduled === 0 && fired === 0),
        notes: [
          `createHostCore (engine and library started, nothing queued, no key, an empty library), on a ManualClock wrapped to count every setTimeout; one virtual minute after start-up.${callers.length ? ` Scheduled by: ${callers.join(', ')}.` : ''}`,
        ],
        data: { scheduled, fired, pending, callers },
      },
      {
        bench: 'idle',
        what: 'idle browser host process: wakeups per minute',
        figure: `${real.host} context switches/min (all threads)`,
        reference: `bare node process: ${real.bare}/min`,
        target: '— (≈ bare node)',
        met: 'report',
        notes: [
          `${real.how}, --data-dir <tmp> (not demo, no page connected), and \`node -e "setInterval(() => {}, 1e9)"\`, started together; voluntary + involuntary context switches summed over /proc/<pid>/task/*/status during ${REAL_SECONDS} s after a 3 s settle, per minute. Counts every thread (V8 platform workers, libuv), so the bare process is the floor.`,
        ],
        data: real,
      },
    ];
  },
};

async function processWakeups(
  dataDir: string,
): Promise<{ host: number; bare: number; how: string }> {
  const command = await hostCommand();
  const [executable = process.execPath, ...args] = command.argv;
  const host = spawn(executable, [...args, '--data-dir', dataDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const bare = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)'], { stdio: 'ignore' });
  try {
    await firstLine(host, (line) => (line.includes('running at') ? line : undefined));
    await sleepReal(3_000);
    const before = [switches(host), switches(bare)];
    await sleepReal(REAL_SECONDS * 1000);
    const after = [switches(host), switches(bare)];
    const perMinute = (i: number) =>
      round((((after[i] ?? 0) - (before[i] ?? 0)) * 60) / REAL_SECONDS, 0);
    return { host: perMinute(0), bare: perMinute(1), how: command.how };
  } finally {
    await stopChild(host);
    await stopChild(bare);
  }
}

/** Context switches of every thread of a process, so far. */
function switches(child: ChildProcess): number {
  const dir = `/proc/${child.pid}/task`;
  let total = 0;
  for (const tid of readdirSync(dir)) {
    let status: string;
    try {
      status = readFileSync(join(dir, tid, 'status'), 'utf8');
    } catch {
      continue; // the thread ended meanwhile
    }
    for (const match of status.matchAll(/ctxt_switches:\s+(\d+)/g)) total += Number(match[1]);
  }
  return total;
}
