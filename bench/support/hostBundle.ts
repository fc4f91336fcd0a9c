import { join } from 'node:path';
import { repoRoot } from './build';

export interface HostCommand {
  argv: string[];
  how: string;
}

const cli = join(repoRoot, 'src', 'host', 'cli.ts');

/**
 * The browser host as plain Node runs it: `src/host/cli.ts` bundled by esbuild (tsx's own
 * compiler, already installed) into `node_modules/.airframe-bench/host.mjs` — two levels below
 * the root, as `src/host` is, so the paths it computes from its own location still hold, and
 * out of git's and ESLint's sight. Under
 * `node --import tsx` a loader thread of tsx would be measured along with the app.
 */
export async function hostCommand(): Promise<HostCommand> {
  const outfile = join(repoRoot, 'node_modules', '.airframe-bench', 'host.mjs');
  try {
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: [cli],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      outfile,
      packages: 'external',
      logLevel: 'silent',
    });
    return {
      argv: [process.execPath, outfile],
      how: 'node node_modules/.airframe-bench/host.mjs (src/host/cli.ts bundled by esbuild)',
    };
  } catch (error) {
    return {
      argv: [process.execPath, '--import', 'tsx', cli],
      how: `node --import tsx src/host/cli.ts (bundling failed: ${(error as Error).message.split('\n')[0]}; tsx's loader thread is counted too)`,
    };
  }
}
