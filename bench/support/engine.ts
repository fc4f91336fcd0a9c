import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Job } from '../../src/shared/jobs';
import type { JobDraft } from '../../src/shared/jobDraft';
import { createAirforceClient, type FetchLike } from '../../src/main/core/airforce';
import { systemClock } from '../../src/main/core/clock';
import { toApiRequest } from '../../src/main/core/engine/apiRequest';
import { JobEngine } from '../../src/main/core/engine/engine';
import { createJobHandlers } from '../../src/main/core/engine/jobCommands';
import { ModelCatalog } from '../../src/main/core/models/modelCatalog';
import type { AppDatabase } from '../../src/main/core/db/database';
import { openDatabase } from '../../src/main/core/db/openDatabase';
import type { Clock, UserNotification } from '../../src/main/core/ports';
import { FileBlobStore } from '../../src/main/core/stores/fileBlobStore';
import type { Downloads } from '../../src/main/core/library/types';

/** A notification as the benchmark saw it: when (real and engine time) and for which jobs. */
export interface SeenNotification {
  notification: UserNotification;
  realAt: number;
  clockAt: number;
}

/** A job's status change as emitted by the engine. */
export interface SeenChange {
  job: Job;
  realAt: number;
  clockAt: number;
}

export interface BenchEngineOptions {
  apiBase: string;
  apiKey: string;
  clock: Clock;
  concurrency?: number;
  fetch?: FetchLike;
  /** Where the queue persists (default: a database in a temporary folder, as the app's). */
  db?: AppDatabase;
}

/**
 * The job engine as `createCore` builds it (same client, catalog, handlers), against a
 * simulator over real HTTP, with what it notifies and emits recorded with timestamps.
 * `performance.now()` is the real clock of every latency measured in real time.
 */
export function benchEngine(options: BenchEngineOptions) {
  const { clock } = options;
  const db =
    options.db ??
    openDatabase({
      file: join(mkdtempSync(join(tmpdir(), 'airframe-bench-db-')), 'airframe.db'),
      now: () => clock.now(),
    }).db;
  const blobs = new FileBlobStore(mkdtempSync(join(tmpdir(), 'airframe-bench-blobs-')));
  const settings = {
    concurrency: options.concurrency ?? 4,
    dailyBudgetCents: null,
    notifications: true,
  };
  const notifications: SeenNotification[] = [];
  const changes: SeenChange[] = [];
  const api = createAirforceClient({
    apiBase: options.apiBase,
    // The simulator's time, the host's timers: a scaled timeout would cut real requests short.
    clock: { ...systemClock, now: () => clock.now() },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const engine = new JobEngine({
    api,
    db,
    clock,
    notifier: {
      notify: (notification) =>
        notifications.push({ notification, realAt: performance.now(), clockAt: clock.now() }),
    },
    emit: (name, payload) => {
      if (name !== 'jobs.changed') return;
      const realAt = performance.now();
      for (const job of (payload as { upserted: Job[] }).upserted)
        changes.push({ job, realAt, clockAt: clock.now() });
    },
    apiKey: async () => options.apiKey,
    settings: () => settings,
    toApiRequest: (record) => toApiRequest(record.request, blobs),
  });
  const catalog = new ModelCatalog(api, async () => options.apiKey, clock);
  // The benchmarks queue no remix: no library clip's image is ever asked for.
  const handlers = createJobHandlers(engine, blobs, catalog, () =>
    Promise.reject(new Error('The benchmark engine has no library')),
  );

  /** The first moment a job was seen in `status`. */
  const firstSeen = (jobId: string, status: Job['status']) =>
    changes.find((c) => c.job.id === jobId && c.job.status === status);

  return {
    engine,
    handlers,
    api,
    settings,
    notifications,
    changes,
    firstSeen,
    /** With `downloads` (the library), a job's 'ready' comes once its clip is saved. */
    start: (downloads?: Downloads) => engine.start(downloads),
    async submit(prompt: string, overrides: Partial<JobDraft> = {}, copies = 1): Promise<Job[]> {
      const { jobs } = await handlers['jobs.submit']({ request: draft(prompt, overrides), copies });
      return jobs;
    },
    /** The notification that first named this job (single or batched). */
    notificationFor(jobId: string, prompt: string): SeenNotification | undefined {
      return notifications.find(
        (n) => n.notification.jobId === jobId || n.notification.body.includes(prompt.slice(0, 20)),
      );
    },
    stop: async () => {
      await engine.stop();
      if (!options.db) await db.close();
    },
  };
}

export type BenchEngine = ReturnType<typeof benchEngine>;

export function draft(prompt: string, overrides: Partial<JobDraft> = {}): JobDraft {
  return {
    model: 'wan-2.6',
    prompt,
    mode: 'text',
    durationSeconds: 5,
    inputImages: [],
    ...overrides,
  };
}
