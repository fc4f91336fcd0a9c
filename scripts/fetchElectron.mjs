// postinstall: fetch the Electron binary (Electron >= 42 no longer does this itself and
// electron-vite needs it to launch the app). Offline, print one warning and succeed, so
// `npm install` still works where only the npm registry is reachable.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let installer;
try {
  installer = require.resolve('electron/install.js');
} catch {
  process.exit(0); // production install without devDependencies: nothing to fetch
}
if (!existsSync(installer)) process.exit(0);

const result = spawnSync(process.execPath, [installer], {
  stdio: ['ignore', 'pipe', 'pipe'],
  timeout: 180_000,
  encoding: 'utf8',
});
if (result.status !== 0) {
  const reason = (result.stderr || result.stdout || String(result.error ?? 'unknown error'))
    .split('\n')
    .find((line) => line.trim().length > 0);
  console.warn(
    `airframe: warning: could not download the Electron binary (${reason?.trim() ?? 'no output'}). ` +
      '`npm start` needs it; building, the browser host and `npm test` do not.',
  );
}
