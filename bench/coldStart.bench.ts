import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot } from './support/build';
import type { Browser } from '@playwright/test';
import { launchChromium } from '../test/support/chromium';
import { hostCommand } from './support/hostBundle';
import { firstLine, stopChild } from './support/children';
import type { Benchmark } from './support/context';
import { median, ms, summary } from './support/stats';

const RUNS = 3;
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');

/**
 * Cold start of the browser host to interactive, as `npm run host -- --demo` does it: spawn
 * `tsx src/host/cli.ts --demo --data-dir <fresh tmp>`, wait for the line with the URL, open it
 * in an already running Chromium, wait for the app shell's heading "Airframe". References:
 * `tsx` printing one line (the floor of anything started this way), and the same host
 * bundled ahead of time under plain Node (what a packaged host would cost).
 */
export const coldStart: Benchmark = {
  name: 'cold-start',
  title: 'browser host cold start to interactive',
  async run(ctx) {
    const renderer = join(repoRoot, 'out', 'renderer', 'index.html');
    if (!existsSync(renderer)) throw new Error('out/renderer is not built (npm run build)');
    const bundled = await hostCommand();
    const browser = await launchChromium();
    const total: number[] = [];
    const toUrl: number[] = [];
    const plain: number[] = [];
    const floor: number[] = [];
    try {
      for (let i = 0; i < RUNS; i++) {
        floor.push(await tsxFloor());
        const viaTsx = await startToHeading(
          browser,
          [tsx, 'src/host/cli.ts'],
          ctx.tmp('airframe-bench-cold-'),
        );
        total.push(viaTsx.total);
        toUrl.push(viaTsx.url);
        plain.push(
          (await startToHeading(browser, bundled.argv, ctx.tmp('airframe-bench-cold-'))).total,
        );
        ctx.log(
          `  run ${i + 1}: URL after ${ms(viaTsx.url)}, heading after ${ms(viaTsx.total)}; bundled ${ms(plain[i] ?? NaN)}; tsx floor ${ms(floor[i] ?? NaN)}`,
        );
      }
    } finally {
      await browser.close();
    }
    const built = statSync(renderer).mtime.toISOString();
    return [
      {
        bench: 'cold-start',
        what: 'browser host cold start → app shell interactive',
        figure: `${ms(median(total))} median (URL printed after ${ms(median(toUrl))})`,
        reference: `tsx printing one line: ${ms(median(floor))}; the host bundled, plain node: ${ms(median(plain))}`,
        target: '—',
        met: 'report',
        notes: [
          `From spawning \`tsx src/host/cli.ts --demo --data-dir <fresh tmp>\` (what \`npm run host -- --demo\` runs) to the heading "Airframe" visible in Chromium (already running; a new page each time), median of ${RUNS}. Serves out/renderer as built at ${built}. "Bundled": ${bundled.how}, the same measurement.`,
        ],
        data: {
          totalMs: summary(total),
          urlMs: summary(toUrl),
          bundledMs: summary(plain),
          tsxFloorMs: summary(floor),
        },
      },
    ];
  },
};

/** Spawn → URL line → page shows the app shell's heading; ms from the spawn. */
async function startToHeading(
  browser: Browser,
  argv: string[],
  dataDir: string,
): Promise<{ url: number; total: number }> {
  const [command = process.execPath, ...args] = argv;
  const page = await browser.newPage();
  const t0 = performance.now();
  const child = spawn(command, [...args, '--demo', '--data-dir', dataDir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await firstLine(child, (line) => /running at (\S+)/.exec(line)?.[1]);
    const t1 = performance.now();
    await page.goto(url);
    await page.getByRole('heading', { name: 'Airframe', level: 1 }).waitFor({ state: 'visible' });
    return { url: t1 - t0, total: performance.now() - t0 };
  } finally {
    await page.close();
    await stopChild(child);
  }
}

async function tsxFloor(): Promise<number> {
  const t0 = performance.now();
  const child = spawn(tsx, ['-e', 'console.log("ready")'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await firstLine(child, (line) => (line.includes('ready') ? line : undefined));
  const elapsed = performance.now() - t0;
  await stopChild(child);
  return elapsed;
}
