import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { browserHostBuild } from './scripts/hostBuild';

/**
 * `electron-vite dev` only: Vite's dev server injects React Refresh's preamble as an inline
 * script and every stylesheet as a `<style>` element, both of which the renderer's CSP
 * forbids. The built app, served from `app://`, keeps the strict policy.
 */
export function devServerCsp(): Plugin {
  return {
    name: 'airframe-dev-server-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  };
}

export default defineConfig({
  main: {
    // The browser host, pre-bundled into out/host/cli.mjs beside the app (scripts/hostBuild.ts).
    plugins: [browserHostBuild(resolve('.'))],
    build: {
      rolldownOptions: { input: { index: resolve('src/main/index.ts') } },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload cannot load ES modules, whatever package.json's "type" says.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react(), devServerCsp()],
    build: {
      minify: true,
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
