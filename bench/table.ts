import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

/** Whether a figure meets its target; `report` rows have no target, `n/a` could not be measured. */
export type Verdict = 'yes' | 'no' | 'n/a' | 'report';

/** One line of the table: a figure beside its reference measured in the same run. */
export interface Row {
  /** The benchmark that produced it (`--only` takes this name). */
  bench: string;
  what: string;
  figure: string;
  reference: string;
  target: string;
  met: Verdict;
  /** What exactly was measured, caveats, and anything a reader should know. */
  notes?: string[];
  /** The raw numbers, for the JSON file. */
  data?: Record<string, unknown>;
}

export const verdict = (ok: boolean): Verdict => (ok ? 'yes' : 'no');

const columns = ['what', 'figure', 'reference (same run)', 'target', 'met?'] as const;

function cells(row: Row): string[] {
  return [row.what, row.figure, row.reference, row.target, row.met];
}

/** A plain-text table for the terminal, then each row's notes. */
export function formatTable(rows: readonly Row[]): string {
  const all = [columns.map(String), ...rows.map(cells)];
  const widths = columns.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' │ ');
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  const out = [line(all[0] ?? []), rule, ...all.slice(1).map(line)];
  const noted = rows.filter((r) => r.notes && r.notes.length > 0);
  if (noted.length > 0) {
    out.push('', 'Notes');
    for (const row of noted)
      for (const note of row.notes ?? []) out.push(`  · ${row.what}: ${note}`);
  }
  return out.join('\n');
}

/** The same table as GitHub markdown (for the README's performance section). */
export function formatMarkdown(rows: readonly Row[]): string {
  const escape = (s: string) => s.replaceAll('|', '\\|');
  return [
    `| ${columns.join(' | ')} |`,
    `|${columns.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${cells(row).map(escape).join(' | ')} |`),
  ].join('\n');
}

export interface RunInfo {
  startedAt: string;
  durationMs: number;
  command: string;
  node: string;
  cpus: string;
  memoryMb: number;
  loadAverage: number[];
}

export function machineInfo(): Pick<RunInfo, 'node' | 'cpus' | 'memoryMb'> {
  const list = cpus();
  return {
    node: process.version,
    cpus: `${list.length} × ${list[0]?.model ?? 'unknown'}`,
    memoryMb: Math.round(totalmem() / 2 ** 20),
  };
}

/** Writes `bench/results/<timestamp>.json`; returns its path. */
export function writeResults(dir: string, info: RunInfo, rows: readonly Row[]): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${info.startedAt.replaceAll(':', '-').replace(/\.\d+Z$/, 'Z')}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ ...info, rows, markdown: formatMarkdown(rows) }, null, 2)}\n`,
  );
  return file;
}
