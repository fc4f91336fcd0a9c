import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const repoRoot = join(import.meta.dirname, '..', '..');

/**
 * `electron-vite build --outDir <dir>`: the same build as `npm run build`, into a folder of
 * this run, so `out/` (which other tools serve) is left alone.
 */
export async function buildRenderer(
  outDir: string,
  log: (m: string) => void,
): Promise<{ dir: string; buildMs: number } | { error: string }> {
  log(`  building the app into ${outDir} …`);
  const started = performance.now();
  const bin = join(repoRoot, 'node_modules', '.bin', 'electron-vite');
  const result = await run(bin, ['build', '--outDir', outDir, '--logLevel', 'warn'], repoRoot);
  const buildMs = performance.now() - started;
  const dir = join(outDir, 'renderer');
  if (result.code !== 0 || !existsSync(join(dir, 'index.html'))) {
    return {
      error: `electron-vite build failed (exit ${result.code}): ${result.output.trim().split('\n').slice(-3).join(' / ')}`,
    };
  }
  return { dir, buildMs };
}

export function run(
  command: string,
  args: string[],
  cwd: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (error) => resolve({ code: -1, output: error.message }));
    child.on('close', (code) => resolve({ code, output }));
  });
}
