import { isBeingSaved } from '../../../shared/jobs';
import type { Translate } from '../i18n';
import type { DownloadListener } from '../library/types';
import type { VideoTask } from '../../../shared/api/schemas';
import type { AirforceApi } from '../airforce/types';
import type { Facts, JobChange } from './jobChange';
import { keyOf, type JobRecord } from './jobRecord';
import type { JobRepository } from './jobRepository';
import { ending } from './taskOutcomes';

/**
 * What the bridge needs of the engine, named here so that it does not import the engine that
 * creates it (the two formed an import cycle): job state, the API for the server's final
 * word on an expired clip, and the engine's way of applying changes and running work.
 */
export interface DownloadHost {
  readonly repo: JobRepository;
  readonly api: AirforceApi;
  readonly signal: AbortSignal;
  /** Main's language, asked anew for each text. */
  readonly t: Translate;
  apiKey(keyId: string): Promise<string | null>;
  apply(...changes: JobChange[]): void;
  facts(): Facts;
  setDownloadsPaused(reason: string | null): void;
  run(id: string, work: () => Promise<void>): void;
}

/** Turns the library's download reports into job changes: downloading → saved, or expired. */
export function createDownloadListener(engine: DownloadHost): DownloadListener {
  return {
    // What the library says is stored on the job in main's language at that moment (read
    // late: the engine makes its listener before its own fields are set).
    get t() {
      return engine.t;
    },
    progress(jobId, received, total) {
      const record = engine.repo.get(jobId);
      if (record) engine.apply(...downloadProgressed(record, received, total));
    },
    saved(jobId, clipId) {
      const record = engine.repo.get(jobId);
      if (record) engine.apply(...clipSaved(record, clipId));
    },
    expired(jobId, message) {
      const record = engine.repo.get(jobId);
      if (!record || !isBeingSaved(record.status)) return;
      // Delivered, then purged before it could be saved: the server's books say whether it is refunded.
      settleExpired(engine, jobId, message);
    },
    paused(reason) {
      engine.setDownloadsPaused(reason);
    },
  };
}

/** The first bytes move a completed job to `downloading`; later ones are progress only. */
export function downloadProgressed(
  record: JobRecord,
  received: number,
  total: number | null,
): JobChange[] {
  const percent = total ? Math.min(100, (received / total) * 100) : 0;
  if (record.status === 'completed')
    return [{ id: record.id, patch: { status: 'downloading', progress: percent } }];
  if (record.status === 'downloading') return [{ id: record.id, progress: percent }];
  return [];
}

/** The clip is in the library: the job is done, and the user told. */
export function clipSaved(record: JobRecord, clipId: string): JobChange[] {
  if (!isBeingSaved(record.status)) return [];
  return [
    {
      id: record.id,
      patch: { status: 'saved', clipId, progress: null },
      notify: { kind: 'ready', clipId },
    },
  ];
}

/** The library could not save a delivered clip before it was purged: the server's books decide the refund. */
function settleExpired(engine: DownloadHost, id: string, message: string): void {
  engine.run(id, async () => {
    const record = engine.repo.get(id);
    const taskId = record?.taskId;
    const key = await engine.apiKey(keyOf(record ?? { keyId: null }));
    let final: VideoTask | null = null;
    if (taskId && key)
      final = await engine.api.getTask(key, taskId, engine.signal).catch(() => null);
    const current = engine.repo.get(id);
    if (!current || !isBeingSaved(current.status)) return;
    engine.apply(
      ...ending(current, { kind: 'expired', message }, final, 'expired', engine.facts()),
    );
  });
}
