// `npm start`: build and launch the Electron app. Where the Electron binary could not be
// downloaded (machines with only the npm registry), say so and serve the same app to a
// browser instead, through the browser host.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const relative = readFileSync(join(dir, 'path.txt'), 'utf8');
    const binary = join(dir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const run = (command, args) =>
  spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1;
const bin = (name) =>
  join('node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

if (electronBinary()) {
  process.exit(run(bin('electron-vite'), ['preview', ...process.argv.slice(2)]));
}
console.warn(
  'airframe: the Electron binary is not installed (it downloads from GitHub during `npm install`).\n' +
    'airframe: starting the browser host instead: open the URL below in a browser.',
);
const built = run(bin('electron-vite'), ['build']);
if (built !== 0) process.exit(built);
process.exit(run(bin('tsx'), ['src/host/cli.ts', ...process.argv.slice(2)]));
