import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { launchChromium } from '../test/support/chromium';
import { firstLine, spawnTs, stopChild } from './support/children';
import type { Benchmark } from './support/context';
import { max, median, ms, percentile } from './support/stats';
import type { ViewHostReady } from './library/viewHost';
import { verdict, type Row } from './table';

const CLIPS = 10_000;
const CARDS = 50;
/** Moves across one poster, 25 ms apart: a quarter of a second per card, as a hand sweeps. */
const STEPS = 10;
const STEP_MS = 25;
const TARGET = 'no long task (> 50 ms); p95 frame ≤ 1.5× the reference; ≤ 1 video at once';

// Page-side: frame intervals and long tasks while recording; videos and seeks counted.
const WATCH = `(() => {
  const w = window;
  w.__bench = { frames: [], longTasks: [], seeks: 0, mostVideos: 0, recording: false };
  new PerformanceObserver((list) => {
    if (w.__bench.recording) for (const e of list.getEntries()) w.__bench.longTasks.push(e.duration);
  }).observe({ type: 'longtask' });
  document.addEventListener('seeked', () => w.__bench.recording && w.__bench.seeks++, true);
  let last = 0;
  const tick = (now) => {
    if (w.__bench.recording && last) w.__bench.frames.push(now - last);
    last = now;
    const videos = document.querySelectorAll('main video').length;
    if (w.__bench.recording) w.__bench.mostVideos = Math.max(w.__bench.mostVideos, videos);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

/** Brings card `i` into view (as a user scrolls to it) and answers its poster's box. */
const posterBox = (i: number) => `(async () => {
  const button = () => document.querySelector('main [data-index="${i}"]');
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  for (let tries = 0; tries < 20 && !button(); tries++) {
    document.querySelector('main .clip-scroller').scrollTop += 150;
    await frame();
  }
  const poster = button()?.querySelector('.poster');
  if (!poster) return null;
  const box = poster.getBoundingClientRect();
  if (box.bottom > innerHeight - 10 || box.top < 0) { poster.scrollIntoView({ block: 'center' }); await frame(); }
  const r = poster.getBoundingClientRect();
  return { left: r.left, top: r.top, width: r.width, height: r.height };
})()`;

type Mode = 'scrub' | 'reduced' | 'parked';

interface Pass {
  mode: Mode;
  frames: number[];
  longTasks: number[];
  seeks: number;
  mostVideos: number;
}

/** One sweep over the first 50 cards; `parked` keeps the mouse off the grid (same scrolling). */
async function sweep(page: Page, mode: Mode): Promise<Pass> {
  await page.emulateMedia({ reducedMotion: mode === 'reduced' ? 'reduce' : 'no-preference' });
  await page.evaluate(`document.querySelector('main .clip-scroller').scrollTop = 0`);
  await page.mouse.move(5, 5);
  await page.waitForTimeout(300);
  await page.evaluate(
    `Object.assign(window.__bench, { frames: [], longTasks: [], seeks: 0, mostVideos: 0, recording: true })`,
  );
  for (let i = 0; i < CARDS; i++) {
    const box = (await page.evaluate(posterBox(i))) as {
      left: number;
      top: number;
      width: number;
      height: number;
    } | null;
    if (!box) break;
    const y = box.top + box.height / 2;
    for (let step = 0; step <= STEPS; step++) {
      const x = box.left + 2 + ((box.width - 4) * step) / STEPS;
      if (mode !== 'parked') await page.mouse.move(x, y);
      await page.waitForTimeout(STEP_MS);
    }
  }
  await page.mouse.move(5, 5);
  await page.waitForTimeout(200);
  const result = (await page.evaluate(
    `(() => { window.__bench.recording = false; return window.__bench; })()`,
  )) as Omit<Pass, 'mode'>;
  return { mode, ...result };
}

const summary = (p: Pass) =>
  `frames median ${ms(median(p.frames))}, p95 ${ms(percentile(p.frames, 95))}, worst ${ms(max(p.frames))}; ${p.longTasks.length === 0 ? 'no long task' : `${p.longTasks.length} long tasks (longest ${ms(max(p.longTasks))})`}`;

/**
 * Hover-scrub over 10,000 clips in Chromium (the browser host, as `library-view`): the mouse
 * sweeps across 50 posters (a quarter second each, scrolling as it goes), each card making
 * its one `<video>` and seeking under the pointer. Beside it, in the same page: the same
 * sweep with the mouse parked (no hover, the same scrolling and waits), and with reduced
 * motion (the same hovers, no video).
 */
export const hoverScrub: Benchmark = {
  name: 'hover-scrub',
  title: 'hover-scrub across 50 cards of 10,000 clips in Chromium',
  async run(ctx) {
    const build = await ctx.renderer();
    if ('error' in build) return [notAvailable(`the renderer could not be built: ${build.error}`)];
    const folder = await ctx.libraryFixture(CLIPS);
    const dataDir = ctx.tmp('airframe-bench-scrub-');
    const child = spawnTs(join(import.meta.dirname, 'library', 'viewHost.ts'), [
      JSON.stringify({ dataDir, rendererDir: build.dir, folder, count: CLIPS }),
    ]);
    try {
      const ready = await firstLine(child, (line) =>
        line.startsWith('{') ? (JSON.parse(line) as ViewHostReady) : undefined,
      );
      if (ready.missing) return [notAvailable(ready.missing)];
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({
          viewport: { width: 1280, height: 800 },
          bypassCSP: true,
        });
        await page.goto(ready.url);
        await page.getByRole('heading', { name: 'Airframe', level: 1 }).waitFor();
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('button', { name: 'Library' })
          .click();
        await page.locator('main [data-index="0"] img').waitFor({ timeout: 20_000 });
        await page.evaluate(WATCH);
        ctx.log('  warm-up sweep (posters load) …');
        await sweep(page, 'parked');
        const passes: Pass[] = [];
        for (const mode of ['parked', 'reduced', 'scrub'] as const) {
          passes.push(await sweep(page, mode));
          ctx.log(`  ${mode}: ${summary(passes.at(-1) as Pass)}`);
        }
        return [row(passes)];
      } finally {
        await browser.close();
      }
    } finally {
      await stopChild(child);
    }
  },
};

function row(passes: Pass[]): Row {
  const [parked, reduced, scrub] = passes as [Pass, Pass, Pass];
  const ok =
    scrub.longTasks.length === 0 &&
    percentile(scrub.frames, 95) <= 1.5 * percentile(parked.frames, 95) &&
    scrub.mostVideos <= 1 &&
    scrub.seeks > 0;
  return {
    bench: 'hover-scrub',
    what: 'hover-scrub, 10,000 clips: 50 cards swept, frame time and long tasks',
    figure: `${summary(scrub)}; ${scrub.seeks} seeks shown, at most ${scrub.mostVideos} <video> at once`,
    reference: `no hover (mouse parked, same scrolling): ${summary(parked)}`,
    target: TARGET,
    met: verdict(ok),
    notes: [
      `1280×800, the grid of 10,000 generated clips; the mouse crosses each of the first ${CARDS} posters in ${STEPS} moves ${STEP_MS} ms apart, scrolling a card into view when it is not; frame time = intervals between requestAnimationFrame callbacks, long tasks by PerformanceObserver, seeks = 'seeked' events. After a warm-up sweep (posters cached). With reduced motion (the same hovers, no video): ${summary(reduced)}, ${reduced.mostVideos} videos.`,
    ],
    data: Object.fromEntries(
      passes.map((p) => [
        p.mode,
        {
          frameMedian: median(p.frames),
          frameP95: percentile(p.frames, 95),
          frameWorst: max(p.frames),
          frames: p.frames.length,
          longTasks: p.longTasks,
          seeks: p.seeks,
          mostVideos: p.mostVideos,
        },
      ]),
    ),
  };
}

function notAvailable(reason: string): Row {
  return {
    bench: 'hover-scrub',
    what: 'hover-scrub, 10,000 clips: 50 cards swept, frame time and long tasks',
    figure: `n/a: ${reason}`,
    reference: '—',
    target: TARGET,
    met: 'n/a',
  };
}
