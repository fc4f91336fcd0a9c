import type { Row } from '../table';

/** What every benchmark gets from the runner. */
export interface BenchContext {
  /** Progress lines (stderr), so stdout keeps only the table. */
  log(message: string): void;
  /** A fresh temporary folder, removed when the run ends. */
  tmp(prefix: string): string;
  /** The renderer built once per run into a temporary folder (not `out/`), or why it could not be. */
  renderer(): Promise<{ dir: string; buildMs: number } | { error: string }>;
  /** A library folder holding `count` generated clips (sidecar, MP4 and poster), made once per run. */
  libraryFixture(count: number): Promise<string>;
}

export interface Benchmark {
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<Row[]>;
}
