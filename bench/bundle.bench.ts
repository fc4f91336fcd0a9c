import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Benchmark } from './support/context';
import { kb, ms } from './support/stats';

/**
 * The renderer's JavaScript as the browser downloads it: `electron-vite build` (the same
 * build as `npm run build`, into a folder of this run), then every `assets/*.js` gzipped
 * (level 9; Electron reads it from disk, so gzip only stands for "how much code").
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
    const sum = (list: typeof sizes, key: 'raw' | 'gzip') =>
      list.reduce((total, s) => total + s[key], 0);
    return [
      {
        bench: 'bundle',
        what: 'renderer bundle (JS, gzip)',
        figure: `${kb(sum(js, 'gzip'))} gzip (${kb(sum(js, 'raw'))} raw, ${js.length} file${js.length === 1 ? '' : 's'})`,
        reference: `CSS ${kb(sum(css, 'gzip'))} gzip; build ${ms(build.buildMs)}`,
        target: '—',
        met: 'report',
        notes: [
          `electron-vite build --outDir <tmp>; ${sizes.map((s) => `${s.name} ${kb(s.gzip)}`).join(', ')}.`,
        ],
        data: { files: sizes, buildMs: build.buildMs },
      },
    ];
  },
};
