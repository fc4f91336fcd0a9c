// `npm test`: every check, in order, each runner printing its own summary. Stops at the
// first failing step and exits non-zero.
import { spawnSync } from 'node:child_process';

const steps = [
  ['typecheck', 'tsc -b'],
  ['lint', 'eslint --max-warnings 0 .'],
  ['format', 'prettier --check .'],
  ['unit and integration tests', 'vitest run'],
  ['build', 'electron-vite build'],
  ['end-to-end tests', 'playwright test'],
];

for (const [title, command] of steps) {
  console.log(`\n=== ${title}: ${command}`);
  const started = Date.now();
  const { status } = spawnSync(command, { stdio: 'inherit', shell: true });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (status !== 0) {
    console.error(`\n=== ${title} FAILED (exit ${status}, ${seconds} s)`);
    process.exit(status ?? 1);
  }
  console.log(`=== ${title} passed (${seconds} s)`);
}
