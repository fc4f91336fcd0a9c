import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Benchmark } from './support/context';
import { kb, ms } from './support/stats';
import { verdict } from './table';

/** Issue 15: the renderer's JavaScript, gzip, at most this. */
const TARGET_BYTES = 100 * 1024;

/**
 * The chunks the page loads before it can render: index.html's module script and the chunks
 * it preloads. The rest (Library, Settings, the crop dialog) load when first needed.
 */
export function initialChunks(indexHtml: string): string[] {
  const refs = [
    ...indexHtml.matchAll(/<script[^>]*type="module"[^>]*src="\.?\/?assets\/([^"]+\.js)"/g),
    ...indexHtml.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\.?\/?assets\/([^"]+\.js)"/g),
  ];
  return refs.map((match) => match[1] ?? '');
}

/**
 * The renderer's JavaScript as the browser downloads it: `electron-vite build` (the same
 * build as `npm run build`, into a folder of this run), then every `assets/*.js` gzipped
 * (level 9; Electron reads it from disk, so gzip only stands for "how much code"). The
 * figure is what the first screen waits for (the entry and its preloaded chunks); the total
 * counts the lazy screens too.
 */
export const bundle: Benchmark = {
  name: 'bundle',
  title: 'renderer bundle size',
  async run(ctx) {
    const build = await ctx.renderer();
    if ('error' in build) throw new Error(build.error);
    const assets = join(build.dir, 'assets');
    const files = readdirSync(assets).filter(
      (name) => name.endsWith('.js') || name.endsWith('.css'),
    );
    const sizes = files.map((name) => {
      const bytes = readFileSync(join(assets, name));
      return { name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
    const js = sizes.filter((s) => s.name.endsWith('.js'));
    const css = sizes.filter((s) => s.name.endsWith('.css'));
    const first = new Set(initialChunks(readFileSync(join(build.dir, 'index.html'), 'utf8')));
    const initial = js.filter((s) => first.has(s.name));
    const sum = (list: typeof sizes, key: 'raw' | 'gzip') =>
      list.reduce((total, s) => total + s[key], 0);
    if (initial.length === 0)
      throw new Error('index.html loads no chunk of assets/: the build changed');
    return [
      {
        bench: 'bundle',
        what: 'renderer JS (gzip) before the first screen',
        figure: `${kb(sum(initial, 'gzip'))} gzip (${kb(sum(initial, 'raw'))} raw, ${initial.length} file${initial.length === 1 ? '' : 's'}); all ${js.length} chunks ${kb(sum(js, 'gzip'))}`,
        reference: `CSS ${kb(sum(css, 'gzip'))} gzip; build ${ms(build.buildMs)}`,
        target: `≤ ${kb(TARGET_BYTES)}`,
        met: verdict(sum(initial, 'gzip') <= TARGET_BYTES),
        notes: [
          `electron-vite build --outDir <tmp>; first: ${initial.map((s) => `${s.name} ${kb(s.gzip)}`).join(', ')}; later: ${js
            .filter((s) => !first.has(s.name))
            .map((s) => `${s.name} ${kb(s.gzip)}`)
            .join(', ')}.`,
        ],
        data: { files: sizes, initial: [...first], buildMs: build.buildMs },
      },
    ];
  },
};
