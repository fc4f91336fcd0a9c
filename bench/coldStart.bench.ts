import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { repoRoot } from './support/build';
import type { Browser } from '@playwright/test';
import { launchChromium } from '../test/support/chromium';
import { firstLine, stopChild } from './support/children';
import type { Benchmark } from './support/context';
import { median, ms, summary } from './support/stats';
import { verdict } from './table';

const RUNS = 3;
/** Issue 15: spawn → app shell, at most this (median). */
const TARGET_MS = 800;
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');

/**
 * Cold start of the browser host to interactive, as `npm start` runs it: spawn
 * `node out/host/cli.mjs --demo --data-dir <fresh tmp>` (the host pre-bundled by
 * `npm run build`), wait for the line with the URL, open it in an already running Chromium,
 * wait for the app shell's heading "Airframe". References in the same run: the same host
 * through tsx (`npm run host`, TypeScript compiled at every start) and `tsx` printing one
 * line (the floor of anything started that way).
 */
export const coldStart: Benchmark = {
  name: 'cold-start',
  title: 'browser host cold start to interactive',
  async run(ctx) {
    const renderer = join(repoRoot, 'out', 'renderer', 'index.html');
    if (!existsSync(renderer)) throw new Error('out/renderer is not built (npm run build)');
    const bundle = join(repoRoot, 'out', 'host', 'cli.mjs');
    if (!existsSync(bundle)) throw new Error('out/host/cli.mjs is not built (npm run build)');
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
        const viaBundle = await startToHeading(
          browser,
          [process.execPath, bundle],
          ctx.tmp('airframe-bench-cold-'),
        );
        plain.push(viaBundle.total);
        toUrl.push(viaBundle.url);
        ctx.log(
          `  run ${i + 1}: bundled: URL after ${ms(viaBundle.url)}, heading after ${ms(viaBundle.total)}; tsx ${ms(viaTsx.total)}; tsx floor ${ms(floor[i] ?? NaN)}`,
        );
      }
    } finally {
      await browser.close();
    }
    const built = statSync(renderer).mtime.toISOString();
    const hostBuilt = statSync(bundle).mtime.toISOString();
    return [
      {
        bench: 'cold-start',
        what: 'browser host cold start → app shell interactive',
        figure: `${ms(median(plain))} median (URL printed after ${ms(median(toUrl))})`,
        reference: `the same host through tsx: ${ms(median(total))}; tsx printing one line: ${ms(median(floor))}`,
        target: `≤ ${ms(TARGET_MS)}`,
        met: verdict(median(plain) <= TARGET_MS),
        notes: [
          `From spawning \`node out/host/cli.mjs --demo --data-dir <fresh tmp>\` (what \`npm start\` runs without Electron; built at ${hostBuilt}) to the heading "Airframe" visible in Chromium (already running; a new page each time), median of ${RUNS}. Serves out/renderer as built at ${built}. "Through tsx": \`tsx src/host/cli.ts\` (\`npm run host\`), the same measurement.`,
        ],
        data: {
          tsxMs: summary(total),
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
