import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ClipSource } from '../../src/main/core/library/types';
import { run } from '../support/build';
import { runTsJson, type SimProcess } from '../support/children';
import type { WorkerInput, WorkerResult } from './worker';

export const PADDED_BYTES = 200 * 2 ** 20;
/** The large case: RSS must not grow with the size of the file. */
export const LARGE_BYTES = 1024 * 2 ** 20;

/** A completed task on the simulator, as the engine hands it to the library. */
export async function finishedSource(sim: SimProcess, prompt: string): Promise<ClipSource> {
  const created = await sim.api('/v1/video/generations', {
    model: 'wan-2.6',
    prompt,
    duration_seconds: 5,
  });
  await sim.control('advance', { ms: 6_000 });
  const task = await sim.api(`/v1/video/tasks/${String(created.task_id)}`);
  if (task.status !== 'completed') throw new Error(`task is ${String(task.status)}, not completed`);
  return {
    jobId: `job-${String(task.task_id)}`,
    taskId: String(task.task_id),
    request: { model: 'wan-2.6', prompt, mode: 'text', durationSeconds: 5, inputImages: [] },
    costCents: Number(task.cost_cents ?? 0),
    createdAt: Number(created.created) * 1000,
    completedAt: Number(created.created) * 1000 + 6_000,
    expiresAt: Number(task.expires_at) * 1000,
    resultUrl: String(task.result_url),
    ...(task.thumbnail_url ? { thumbnailUrl: String(task.thumbnail_url) } : {}),
  };
}

/** `curl -o <out>` on the URL: bytes and seconds, as curl reports them. */
export async function curl(url: string, out: string): Promise<{ bytes: number; ms: number }> {
  const result = await run(
    'curl',
    ['-s', '-S', '-o', out, '-w', '%{size_download} %{time_total}', url],
    process.cwd(),
  );
  const [bytes, seconds] = result.output.trim().split(/\s+/).map(Number);
  if (result.code !== 0 || !bytes || seconds === undefined)
    throw new Error(`curl failed (${result.code}): ${result.output.trim()}`);
  return { bytes, ms: seconds * 1000 };
}

/**
 * `curl -o <out> && sync <out>`: the file written and on disk, the same promise the app's
 * fsync before the rename gives. curl's own transfer time plus the wall time of `sync` on
 * that one file (`sync` with no file would flush every other process's writes too).
 */
export async function curlToDisk(url: string, out: string): Promise<{ bytes: number; ms: number }> {
  const fetched = await curl(url, out);
  const started = performance.now();
  const synced = await run('sync', [out], process.cwd());
  if (synced.code !== 0) throw new Error(`sync failed (${synced.code}): ${synced.output.trim()}`);
  return { bytes: fetched.bytes, ms: fetched.ms + (performance.now() - started) };
}

export function downloadInWorker(input: WorkerInput): Promise<WorkerResult> {
  return runTsJson<WorkerResult>(join(import.meta.dirname, 'worker.ts'), [JSON.stringify(input)]);
}
