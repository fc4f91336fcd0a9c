import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchmarks } from './benchmarks';
import { buildRenderer } from './support/build';
import type { BenchContext } from './support/context';
import { generateLibrary } from './support/libraryFixture';
import { formatMarkdown, formatTable, machineInfo, writeResults, type Row } from './table';

// `npm run bench [-- --only name[,name…]] [-- --markdown]`: every benchmark against the
// simulator on this machine; one table on stdout, the same as JSON in bench/results/.
// Benchmarks report; they never fail the build: the exit code is 0 unless the harness crashes.

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    markdown: { type: 'boolean', default: false },
    list: { type: 'boolean', default: false },
  },
});

if (values.list) {
  for (const b of benchmarks) console.log(`${b.name.padEnd(16)} ${b.title}`);
  process.exit(0);
}

const wanted = values.only
  ?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const selected = wanted
  ? benchmarks.filter((b) => wanted.some((w) => b.name === w || b.name.startsWith(`${w}-`)))
  : benchmarks;
if (selected.length === 0) {
  console.error(`No benchmark named ${values.only}; --list shows them.`);
  process.exit(2);
}

const temps: string[] = [];
let renderer: ReturnType<BenchContext['renderer']> | undefined;
const fixtures = new Map<number, Promise<string>>();
const log = (message: string) => console.error(message);

const ctx: BenchContext = {
  log,
  tmp(prefix) {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    temps.push(dir);
    return dir;
  },
  renderer() {
    renderer ??= buildRenderer(ctx.tmp('airframe-bench-build-'), log);
    return renderer;
  },
  libraryFixture(count) {
    let fixture = fixtures.get(count);
    if (!fixture) {
      fixture = generateLibrary(join(ctx.tmp('airframe-bench-library-'), 'library'), count);
      fixtures.set(count, fixture);
    }
    return fixture;
  },
};

const started = new Date();
const t0 = Date.now();
const rows: Row[] = [];
try {
  for (const bench of selected) {
    log(`▶ ${bench.name}: ${bench.title}`);
    const benchStart = Date.now();
    try {
      rows.push(...(await bench.run(ctx)));
    } catch (error) {
      // A benchmark that cannot run is a row saying so, not a failed build.
      const message = error instanceof Error ? error.message : String(error);
      log(`  ${bench.name} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
      rows.push({
        bench: bench.name,
        what: bench.title,
        figure: `n/a: ${message.split('\n')[0]}`,
        reference: '—',
        target: '—',
        met: 'n/a',
      });
    }
    log(`  (${((Date.now() - benchStart) / 1000).toFixed(1)} s)`);
  }
} finally {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
}

const command = `npm run bench${values.only ? ` -- --only ${values.only}` : ''}`;
const file = writeResults(
  join(import.meta.dirname, 'results'),
  {
    startedAt: started.toISOString(),
    durationMs: Date.now() - t0,
    command,
    ...machineInfo(),
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
  },
  rows,
);

console.log(values.markdown ? formatMarkdown(rows) : formatTable(rows));
console.log(
  `\n${command} · ${machineInfo().cpus} · Node ${process.version} · load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} · ${((Date.now() - t0) / 1000).toFixed(0)} s`,
);
console.log(`Written to ${file}`);
// Chromium, simulators and sockets are closed by each benchmark; anything left must not hold the exit.
process.exit(0);
