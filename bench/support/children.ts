import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { SimulatorOptions } from '../../src/simulator';
import { repoRoot } from './build';

/** `node --import tsx <script> …args`: TypeScript in a fresh process, like `tsx` does. */
export function spawnTs(
  script: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: options.cwd ?? repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.env ? { env: options.env } : {}),
  });
}

/** Resolves with the first stdout line that `match` accepts; rejects if the child exits first. */
export function firstLine<T>(
  child: ChildProcess,
  match: (line: string) => T | undefined,
  timeoutMs = 60_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(
      () => reject(new Error(`no answer within ${timeoutMs} ms: ${stderr}`)),
      timeoutMs,
    );
    lines.on('line', (line) => {
      const value = match(line);
      if (value === undefined) return;
      clearTimeout(timer);
      resolve(value);
    });
    // `close`, not `exit`: every line printed has been read by then.
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(
        new Error(
          `child exited (${code}) before answering: ${stderr.trim().split('\n').slice(-3).join(' / ')}`,
        ),
      );
    });
  });
}

/** Runs a script to its end and parses the JSON it prints last. */
export async function runTsJson<T>(
  script: string,
  args: string[],
  timeoutMs = 600_000,
): Promise<T> {
  const child = spawnTs(script, args);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (c) => (clearTimeout(timer), resolve(c)));
  });
  const last = stdout.trim().split('\n').pop() ?? '';
  if (code !== 0)
    throw new Error(`${script} exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' / ')}`);
  return JSON.parse(last) as T;
}

export interface SimProcess {
  pid: number;
  apiBase: string;
  cdnBase: string;
  apiKey: string;
  /** POST /__sim/<path> with a JSON body. */
  control(path: string, body?: unknown): Promise<unknown>;
  /** GET /__sim/<path> (`state`, `log`). */
  inspect<T>(path: string): Promise<T>;
  /** An API call with the key. */
  api(path: string, body?: unknown): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startSimProcess(options: SimulatorOptions): Promise<SimProcess> {
  const child = spawnTs(join(repoRoot, 'bench', 'support', 'simChild.ts'), [
    JSON.stringify(options),
  ]);
  const ready = await firstLine(child, (line) =>
    line.startsWith('{')
      ? (JSON.parse(line) as { apiBase: string; cdnBase: string; apiKey: string; pid: number })
      : undefined,
  );
  const headers = { Authorization: `Bearer ${ready.apiKey}`, 'Content-Type': 'application/json' };
  return {
    ...ready,
    async control(path, body) {
      const response = await fetch(`${ready.apiBase}/__sim/${path}`, {
        method: 'POST',
        body: JSON.stringify(body ?? {}),
      });
      if (!response.ok)
        throw new Error(`/__sim/${path}: HTTP ${response.status} ${await response.text()}`);
      return response.json();
    },
    async inspect(path) {
      const response = await fetch(`${ready.apiBase}/__sim/${path}`);
      if (!response.ok) throw new Error(`/__sim/${path}: HTTP ${response.status}`);
      return response.json() as never;
    },
    async api(path, body) {
      const response = await fetch(`${ready.apiBase}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const json = (await response.json()) as Record<string, unknown>;
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${JSON.stringify(json)}`);
      return json;
    },
    close: () => stopChild(child),
  };
}

/** SIGTERM, then SIGKILL after 5 s; resolves once the child is gone. */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => (clearTimeout(timer), resolve()));
    child.kill('SIGTERM');
  });
}
