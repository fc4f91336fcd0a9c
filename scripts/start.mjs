// `npm start`: build and launch the Electron app. Where the Electron binary could not be
// downloaded (machines with only the npm registry), say so and serve the same app to a
// browser instead, through the browser host.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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
const host = hostCommand();
process.exit(run(host[0], [...host.slice(1), ...process.argv.slice(2)]));

/**
 * The build pre-bundles the host into out/host/cli.mjs (scripts/hostBuild.ts): plain Node
 * starts it in about half the time tsx takes to compile src/host/cli.ts. tsx only when that
 * bundle is missing or older than a source it is made of.
 */
function hostCommand() {
  const bundle = join('out', 'host', 'cli.mjs');
  const stale = bundleProblem(bundle, ['src/host', 'src/main/core', 'src/shared', 'src/simulator']);
  if (!stale) return [process.execPath, bundle];
  console.warn(`airframe: ${stale}; running src/host/cli.ts through tsx instead.`);
  return [bin('tsx'), 'src/host/cli.ts'];
}

/** Why `bundle` cannot stand for the sources in `dirs`, or null. */
function bundleProblem(bundle, dirs) {
  if (!existsSync(bundle)) return `${bundle} is missing`;
  const builtAt = statSync(bundle).mtimeMs;
  const newer = dirs
    .flatMap((dir) => sourcesIn(dir))
    .find((file) => statSync(file).mtimeMs > builtAt);
  return newer ? `${bundle} is older than ${newer}` : null;
}

function sourcesIn(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesIn(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}
