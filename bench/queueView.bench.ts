import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchChromium } from '../test/support/chromium';
import { firstLine, spawnTs, stopChild } from './support/children';
import type { Benchmark } from './support/context';
import { median, ms } from './support/stats';
import type { QueueHostReady } from './queueView/host';
import { verdict, type Row } from './table';

const JOBS = 10_000;
/** Cancelled while waiting: the ended part of the queue. */
const ENDED = 4_000;
const SAMPLES = 3;
const TARGET = '≤ 500 ms first rows, ≤ 100 job rows in the DOM, no long task (> 50 ms) on a change';

// Page-side scripts, as strings: they run in Chromium, not in Node.
const WATCH_LONG_TASKS = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ at: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask' });
  document.addEventListener('click', (e) => {
    if (e.target.closest('nav')) window.__clickAt = performance.now();
  }, true);
})()`;
// The Queue section, not the queue beside Compose (a 1280-wide window shows both in turn).
const QUEUE = 'main section.queue:not(.beside)';
const JOB_ROW = `${QUEUE} [data-job-id]`;
const FIRST_ROWS = `(() => document.querySelectorAll(${JSON.stringify(JOB_ROW)}).length > 0 ? performance.now() : false)()`;
const SETTINGS = `(() => document.querySelector('main section.settings') ? performance.now() : false)()`;

/** Jumps through the list's scroller to 40 places end to end; the most job rows at once. */
const SCROLL_THROUGH = `(async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const main = document.querySelector(${JSON.stringify(QUEUE)});
  const boxes = [...main.querySelectorAll('*')].filter((e) => e.scrollHeight > e.clientHeight + 20 && /(auto|scroll)/.test(getComputedStyle(e).overflowY));
  const box = boxes.sort((a, b) => b.scrollHeight - a.scrollHeight)[0] ?? document.scrollingElement;
  const count = () => document.querySelectorAll(${JSON.stringify(JOB_ROW)}).length;
  let most = count();
  let elements = document.getElementsByTagName('*').length;
  for (let i = 1; i <= 40; i++) {
    box.scrollTop = ((box.scrollHeight - box.clientHeight) * i) / 40;
    await frame();
    most = Math.max(most, count());
    elements = Math.max(elements, document.getElementsByTagName('*').length);
  }
  const reachedEnd = box.scrollTop + box.clientHeight >= box.scrollHeight - 1;
  box.scrollTop = 0;
  await frame();
  return { most, elements, reachedEnd, scrollHeight: box.scrollHeight };
})()`;

interface Sample {
  firstRowsMs: number;
  rows: number;
  elements: number;
  /** Click → the Settings section in the DOM, on the same page: the same-run reference. */
  settingsMs: number;
}

/**
 * Benchmark 12: the browser host in demo mode with 10,000 jobs (4,000 ended, four running,
 * the rest waiting), in Chromium: from the click on "Queue" to the first job row in the DOM,
 * the job rows in the DOM (scrolling end to end), and the longest task while the engine's
 * progress events arrive and the user moves and cancels jobs.
 */
export const queueView: Benchmark = {
  name: 'queue-view',
  title: 'queue view, 10,000 jobs in Chromium',
  async run(ctx) {
    const build = await ctx.renderer();
    if ('error' in build) return [notAvailable(`the renderer could not be built: ${build.error}`)];
    const dataDir = ctx.tmp('airframe-bench-queue-');
    const child = spawnTs(join(import.meta.dirname, 'queueView', 'host.ts'), [
      JSON.stringify({ dataDir, rendererDir: build.dir, jobs: JOBS, ended: ENDED }),
    ]);
    try {
      const ready = await firstLine(child, (line) =>
        line.startsWith('{') ? (JSON.parse(line) as QueueHostReady) : undefined,
      );
      if (ready.missing) return [notAvailable(ready.missing)];
      const browser = await launchChromium();
      try {
        // The app's CSP forbids eval, which Playwright's string predicates need.
        const page = await browser.newPage({
          viewport: { width: 1280, height: 800 },
          bypassCSP: true,
        });
        return [await measure(page, ready, ctx.log)];
      } finally {
        await browser.close();
      }
    } finally {
      await stopChild(child);
    }
  },
};

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click();

async function until(page: Page, script: string): Promise<number> {
  const handle = await page.waitForFunction(script, undefined, { polling: 'raf', timeout: 30_000 });
  return (await handle.jsonValue()) as number;
}

async function sampleOnce(page: Page, url: string): Promise<Sample> {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Airframe', level: 1 }).waitFor();
  await page.evaluate(WATCH_LONG_TASKS);
  await nav(page, 'Settings');
  const settingsAt = await until(page, SETTINGS);
  const settingsMs = settingsAt - ((await page.evaluate('window.__clickAt')) as number);
  await nav(page, 'Queue');
  const rowsAt = await until(page, FIRST_ROWS);
  const firstRowsMs = rowsAt - ((await page.evaluate('window.__clickAt')) as number);
  const scroll = (await page.evaluate(SCROLL_THROUGH)) as { most: number; elements: number };
  return { firstRowsMs, rows: scroll.most, elements: scroll.elements, settingsMs };
}

/** The longest task while changes arrive: 3 s of engine progress, then 3 moves and 2 cancels. */
async function changes(page: Page): Promise<{ longestMs: number; count: number }> {
  await page.waitForTimeout(1_000);
  await page.evaluate('window.__longTasks = []');
  await page.waitForTimeout(3_000);
  const waiting = page.locator(`${QUEUE} li.status-queued`);
  for (let i = 0; i < 3; i++) {
    await waiting.nth(2).locator('[data-action="up"]').click();
    await page.waitForTimeout(500);
  }
  for (let i = 0; i < 2; i++) {
    await waiting.nth(1).locator('[data-action="cancel"]').click();
    await page.waitForTimeout(500);
  }
  await page.waitForTimeout(500);
  const tasks = (await page.evaluate('window.__longTasks')) as { ms: number }[];
  return { longestMs: Math.max(0, ...tasks.map((t) => t.ms)), count: tasks.length };
}

/** Exported for a comparison against another renderer build (the one before issue 15, say). */
export async function measure(
  page: Page,
  ready: QueueHostReady,
  log: (m: string) => void,
): Promise<Row> {
  const samples: Sample[] = [];
  for (let i = 0; i < SAMPLES; i++) samples.push(await sampleOnce(page, ready.url));
  const firstRowsMs = median(samples.map((s) => s.firstRowsMs));
  const settingsMs = median(samples.map((s) => s.settingsMs));
  const rows = Math.max(...samples.map((s) => s.rows));
  const elements = Math.max(...samples.map((s) => s.elements));
  log(`  first rows ${samples.map((s) => ms(s.firstRowsMs)).join(', ')}; changing …`);
  const change = await changes(page);
  return {
    bench: 'queue-view',
    what: 'queue view, 10,000 jobs: first rows, rows in the DOM, longest task on a change',
    figure: `${ms(firstRowsMs)} median first rows; max ${rows} job rows (${elements} elements) in the DOM; longest task on a change ${change.count === 0 ? 'none > 50 ms' : ms(change.longestMs)}`,
    reference: `click → Settings shown ${ms(settingsMs)} median (same page, same run); ${ready.jobCount} jobs seeded in ${ms(ready.seedMs)}`,
    target: TARGET,
    met: verdict(firstRowsMs <= 500 && rows <= 100 && change.count === 0),
    notes: [
      `From the click on "Queue" to the first job row in the DOM, the page loaded afresh each time, median of ${SAMPLES} (${samples.map((s) => ms(s.firstRowsMs)).join(', ')}); the list then scrolled end to end in 40 jumps, counting [data-job-id] rows. Changes: 3 s of the demo engine's progress on four running jobs, then three "Move up" and two "Cancel" clicks on waiting rows; ${change.count} long tasks (PerformanceObserver 'longtask').`,
    ],
    data: { samples, firstRowsMs, settingsMs, rows, elements, change, ...ready, url: undefined },
  };
}

function notAvailable(reason: string): Row {
  return {
    bench: 'queue-view',
    what: 'queue view, 10,000 jobs: first rows, rows in the DOM, longest task on a change',
    figure: `n/a: queue view not measurable (${reason})`,
    reference: '—',
    target: TARGET,
    met: 'n/a',
  };
}
