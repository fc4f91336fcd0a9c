import { resolve } from 'node:path';
import { build, type InlineConfig, type Plugin } from 'vite';

/** Packages bundled into the host rather than loaded from node_modules at start (ES modules). */
export const inlined = ['zod', 'i18next', 'eventsource-parser'] as const;

/** Where the browser host's bundle goes, beside `main/`, `preload/` and `renderer/`. */
export const hostEntryFile = 'cli.mjs';

/**
 * The browser host (`src/host/cli.ts`) as one ES module for plain Node, `out/host/cli.mjs`:
 * `npm start` runs it instead of compiling the TypeScript through tsx at every start (about
 * 0.8 s of a 1.5 s cold start). The ES-module packages it uses are bundled in too (`inlined`:
 * zod alone is dozens of files for Node to resolve and load; together ~40 ms of a ~230 ms
 * start); CommonJS ones (`ws`) and Node's built-ins stay imports. The folder is two
 * levels below the repository, as `src/host` is, so the paths the host works out from its own
 * location (`out/renderer`, `package.json`, the simulator's sample media) still hold.
 */
export function hostBuildConfig(root: string, outDir: string): InlineConfig {
  return {
    configFile: false,
    root,
    logLevel: 'warn',
    ssr: { noExternal: [...inlined] },
    build: {
      ssr: resolve(root, 'src/host/cli.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      reportCompressedSize: false,
      rolldownOptions: {
        output: {
          format: 'es',
          entryFileNames: hostEntryFile,
          chunkFileNames: 'chunks/[name]-[hash].mjs',
        },
      },
    },
  };
}

/**
 * A plugin for electron-vite's `main` build: once main is written to `<out>/main`, the host is
 * built into `<out>/host`, so `npm run build` (and `npm start`, which builds first) makes
 * both. Not in `electron-vite dev`'s watch builds: the desktop app does not need it.
 */
export function browserHostBuild(root: string): Plugin {
  let outDir = '';
  let watching = false;
  return {
    name: 'airframe-browser-host',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.build.outDir, '..', 'host');
      watching = Boolean(config.build.watch);
    },
    async closeBundle() {
      if (watching || !outDir) return;
      await build(hostBuildConfig(root, outDir));
    },
  };
}
