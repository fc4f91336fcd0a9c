import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hostFolders } from './userFolders';

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

/** Starts `npm run host` (tsx src/host/cli.ts) with `home` as HOME; resolves with its output once it serves. */
function startHost(home: string, args: string[] = []): Promise<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
  for (const name of ['XDG_CONFIG_HOME', 'AIRFORCE_API_KEY', 'AIRFORCE_API_BASE']) delete env[name];
  const child = spawn(
    join('node_modules', '.bin', 'tsx'),
    ['src/host/cli.ts', '--port', '0', ...args],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The host did not start: ${out}`));
    }, 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes('is running at')) return;
      clearTimeout(timer);
      child.once('exit', () => resolve(out));
      child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  });
}

/**
 * Issue 14, stumble 13: the browser host kept its data and library in the system's temp
 * folder, gone after a reboot.
 */
describe('npm start’s browser host keeps its files in the desktop app’s folders', () => {
  it.runIf(process.platform === 'linux')(
    'the data in ~/.config/Airframe, the library in ~/Videos/Airframe, both printed',
    async () => {
      const home = mkdtempSync(join(tmpdir(), 'airframe-home-'));
      homes.push(home);
      const out = await startHost(home);
      expect(out).toContain(`Airframe keeps its data in ${join(home, '.config', 'Airframe')}`);
      expect(out).toContain(`Library: ${join(home, 'Videos', 'Airframe')}`);
      expect(existsSync(join(home, '.config', 'Airframe', 'airframe.db'))).toBe(true);
    },
    30_000,
  );

  it('--data-dir keeps everything in that folder; --library names the library', () => {
    const defaults = () => ({
      dataDir: '/home/ann/.config/Airframe',
      libraryFolder: '/v/Airframe',
    });
    expect(hostFolders({}, defaults)).toEqual(defaults());
    expect(hostFolders({ dataDir: '/tmp/run' }, defaults)).toEqual({
      dataDir: '/tmp/run',
      libraryFolder: join('/tmp/run', 'library'),
    });
    expect(hostFolders({ dataDir: '/tmp/run', library: '/clips' }, defaults)).toEqual({
      dataDir: '/tmp/run',
      libraryFolder: '/clips',
    });
    expect(hostFolders({ library: '/clips' }, defaults)).toEqual({
      dataDir: '/home/ann/.config/Airframe',
      libraryFolder: '/clips',
    });
  });
});
