import { isBeingSaved } from '../../../shared/jobs';
import type { DownloadListener } from '../library/types';
import type { VideoTask } from '../../../shared/api/schemas';
import type { AirforceApi } from '../airforce/types';
import { endJob, type OutcomeHost } from './taskOutcomes';

/**
 * What the bridge needs of the engine, named here so that it does not import the engine that
 * creates it (the two formed an import cycle): job state, the API for the server's final
 * word on an expired clip, and the engine's way of running work on a job.
 */
export interface DownloadHost extends OutcomeHost {
  readonly api: AirforceApi;
  readonly signal: AbortSignal;
  apiKey(): Promise<string | null>;
  setDownloadsPaused(reason: string | null): void;
  run(id: string, work: () => Promise<void>): void;
}

/** Turns the library's download reports into job state: downloading → saved, or expired. */
export function createDownloadListener(engine: DownloadHost): DownloadListener {
  return {
    progress(jobId, received, total) {
      const record = engine.repo.get(jobId);
      if (!record) return;
      const percent = total ? Math.min(100, (received / total) * 100) : 0;
      if (record.status === 'completed')
        engine.change(jobId, { status: 'downloading', progress: percent });
      else if (record.status === 'downloading') engine.reportProgress(jobId, percent);
    },
    saved(jobId, clipId) {
      const record = engine.repo.get(jobId);
      if (!record || !isBeingSaved(record.status)) return;
      engine.change(jobId, { status: 'saved', clipId, progress: null });
      engine.notify('ready', jobId, { clipId });
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

/** The library could not save a delivered clip before it was purged: the server's books decide the refund. */
function settleExpired(engine: DownloadHost, id: string, message: string): void {
  engine.run(id, async () => {
    const taskId = engine.repo.get(id)?.taskId;
    const key = await engine.apiKey();
    let final: VideoTask | null = null;
    if (taskId && key)
      final = await engine.api.getTask(key, taskId, engine.signal).catch(() => null);
    const current = engine.repo.get(id);
    if (!current || !isBeingSaved(current.status)) return;
    endJob(engine, id, { kind: 'expired', message }, final, 'expired');
  });
}
