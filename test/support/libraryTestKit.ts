import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LibraryChanged } from '../../src/shared/library';
import { afterEach, beforeEach } from 'vitest';
import { closeTestSimulators, completedTask, startTestSimulator } from './testSimulator';
import type { Simulator } from '../../src/simulator';
import { createAirforceClient } from '../../src/main/core/airforce';
import { ManualClock, systemClock } from '../../src/main/core/clock';
import { FileBlobStore } from '../../src/main/core/stores/fileBlobStore';
import {
  openLibrary,
  type Library,
  type LibraryDeps,
} from '../../src/main/core/library/openLibrary';
import { clipBaseName } from '../../src/main/core/library/naming';
import type { ClipSource, DownloadListener } from '../../src/main/core/library/types';

/** Shared set-up of the library's integration tests (simulator over real HTTP, manual clock). */

export async function tempDir(): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'airframe-library-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export type ListenerEvent =
  | { kind: 'progress'; jobId: string; received: number; total: number | null }
  | { kind: 'saved'; jobId: string; clipId: string }
  | { kind: 'expired'; jobId: string; message: string }
  | { kind: 'paused'; reason: string | null };

export class RecordingListener implements DownloadListener {
  readonly events: ListenerEvent[] = [];
  private waiters: (() => void)[] = [];

  progress(jobId: string, received: number, total: number | null): void {
    this.push({ kind: 'progress', jobId, received, total });
  }
  saved(jobId: string, clipId: string): void {
    this.push({ kind: 'saved', jobId, clipId });
  }
  expired(jobId: string, message: string): void {
    this.push({ kind: 'expired', jobId, message });
  }
  paused(reason: string | null): void {
    this.push({ kind: 'paused', reason });
  }

  of<K extends ListenerEvent['kind']>(kind: K): Extract<ListenerEvent, { kind: K }>[] {
    return this.events.filter(
      (event): event is Extract<ListenerEvent, { kind: K }> => event.kind === kind,
    );
  }

  /** Resolves once an event matching `test` has arrived. */
  async until(test: (event: ListenerEvent) => boolean): Promise<ListenerEvent> {
    for (;;) {
      const found = this.events.find(test);
      if (found) return found;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private push(event: ListenerEvent): void {
    this.events.push(event);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/** The CDN's fetch, watched: what each request asked for and how many body bytes came back. */
export function countingFetch() {
  const requests: { url: string; headers: Record<string, string>; status: number }[] = [];
  let bytes = 0;
  const cdnFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    requests.push({
      url: String(input),
      headers: { ...(init?.headers as Record<string, string> | undefined) },
      status: response.status,
    });
    if (!response.body) return response;
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          bytes += chunk.byteLength;
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(counted, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  return {
    fetch: cdnFetch,
    requests,
    bytes: () => bytes,
    reset: () => ((bytes = 0), (requests.length = 0)),
  };
}

/** A completed task on the simulator, as the engine would hand it to the library. */
export async function finishedSource(
  sim: Simulator,
  body: Record<string, unknown> = {},
): Promise<ClipSource> {
  const prompt = (body.prompt as string | undefined) ?? 'A lighthouse at dusk';
  const createdAt = sim.clock.now();
  const task = await completedTask(sim, { duration_seconds: 5, ...body, prompt });
  return {
    jobId: `job-${String(task.task_id)}`,
    taskId: String(task.task_id),
    request: { model: 'wan-2.6', prompt, mode: 'text', durationSeconds: 5, inputImages: [] },
    costCents: Number(task.cost_cents ?? 0),
    createdAt,
    completedAt: sim.clock.now(),
    expiresAt: Number(task.expires_at) * 1000,
    resultUrl: String(task.result_url),
    ...(task.thumbnail_url ? { thumbnailUrl: String(task.thumbnail_url) } : {}),
  };
}

export async function sha256OfUrl(url: string): Promise<string> {
  const response = await fetch(url);
  return sha256(new Uint8Array(await response.arrayBuffer()));
}

export const sha256 = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');

export interface TestLibrary extends Library {
  clock: ManualClock;
  listener: RecordingListener;
  changes: LibraryChanged[];
  revealed: string[];
}

/** Opens a library in `folder` against the simulator, with a manual clock. */
export async function openTestLibrary(
  sim: Simulator,
  folder: string,
  overrides: Partial<LibraryDeps> & {
    clock?: ManualClock;
    /** false: resolve while the index is still being built (as the app does). */
    waitForIndex?: boolean;
  } = {},
): Promise<TestLibrary> {
  const { waitForIndex = true, ...deps } = overrides;
  const clock = deps.clock ?? new ManualClock(sim.clock.now());
  const listener = new RecordingListener();
  const changes: LibraryChanged[] = [];
  const revealed: string[] = [];
  const library = await openLibrary({
    folder,
    clock,
    api: createAirforceClient({
      apiBase: sim.apiBase,
      sleep: async () => {},
      clock: { ...systemClock, now: () => sim.clock.now() },
    }),
    getApiKey: async () => sim.apiKey,
    blobs: new FileBlobStore(join(folder, '..', 'blobs')),
    listener,
    reveal: async (path) => void revealed.push(path),
    emit: (_name, payload) => void changes.push(payload),
    ...deps,
  });
  if (waitForIndex) await library.folder.reconciled();
  return { ...library, clock, listener, changes, revealed };
}

/** Lets real I/O happen, moving the manual clock whenever the queue may wait on it (retries). */
export async function until(
  lib: TestLibrary,
  test: (event: ListenerEvent) => boolean,
): Promise<ListenerEvent> {
  for (let i = 0; i < 400; i++) {
    const found = lib.listener.events.find(test);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await lib.clock.advance(1_000);
  }
  throw new Error(`No such event; got ${JSON.stringify(lib.listener.events.slice(-5))}`);
}

export const savedFor = (source: ClipSource) => (event: ListenerEvent) =>
  event.kind === 'saved' && event.jobId === source.jobId;

/** Where a source's clip lands in `folder`. */
export function filesOf(folder: string, source: ClipSource) {
  const base = clipBaseName(source.createdAt, source.request.prompt, source.taskId);
  const path = (ext: string) => join(folder, `${base}.${ext}`);
  return { mp4: path('mp4'), jpg: path('jpg'), json: path('json') };
}

/**
 * Per-test set-up of the download tests: a simulator serving padded clips, a library
 * folder in a temporary directory, and every library opened through `library()` closed
 * after the test. Read `sim` and `folder` inside tests: they change for each one.
 */
export function useDownloadFixture(padBytes = 600_000) {
  let sim: Simulator | undefined;
  let dir: { path: string; remove(): Promise<void> } | undefined;
  const open: TestLibrary[] = [];
  beforeEach(async () => {
    sim = await startTestSimulator({ padBytes });
    dir = await tempDir();
  });
  afterEach(async () => {
    await Promise.all(open.splice(0).map((lib) => lib.close()));
    await closeTestSimulators();
    await dir?.remove();
  });
  const fixture = {
    get sim(): Simulator {
      if (!sim) throw new Error('useDownloadFixture: no simulator outside a test');
      return sim;
    },
    get folder(): string {
      if (!dir) throw new Error('useDownloadFixture: no folder outside a test');
      return join(dir.path, 'library');
    },
    landed: (source: ClipSource) => filesOf(fixture.folder, source),
    /** A task the simulator has finished, as the engine would hand it to the library. */
    finished: (body: Record<string, unknown> = {}) => finishedSource(fixture.sim, body),
    /** Lets the library work until it saved `source`'s clip; resolves with that event. */
    saved: (lib: TestLibrary, source: ClipSource) => until(lib, savedFor(source)),
    async library(options: Parameters<typeof openTestLibrary>[2] = {}): Promise<TestLibrary> {
      const lib = await openTestLibrary(fixture.sim, fixture.folder, {
        downloads: { concurrency: 2 },
        ...options,
      });
      open.push(lib);
      return lib;
    },
  };
  return fixture;
}
