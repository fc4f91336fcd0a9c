import type { DownloadListener } from '../library/types';
import type { JobEngine } from './engine';

/** Turns the library's download reports into job state: downloading → saved, or expired. */
export function createDownloadListener(engine: JobEngine): DownloadListener {
  return {
    progress(jobId, received, total) {
      const record = engine.repo.get(jobId);
      if (!record) return;
      const percent = total ? Math.min(100, (received / total) * 100) : 0;
      if (record.status === 'completed') engine.change(jobId, { status: 'downloading', progress: percent });
      else if (record.status === 'downloading') engine.reportProgress(jobId, percent);
    },
    saved(jobId, clipId) {
      const record = engine.repo.get(jobId);
      if (!record || (record.status !== 'completed' && record.status !== 'downloading')) return;
      engine.change(jobId, { status: 'saved', clipId, progress: null });
      engine.notify('ready', jobId, { clipId });
    },
    expired(jobId, message) {
      const record = engine.repo.get(jobId);
      if (!record || (record.status !== 'completed' && record.status !== 'downloading')) return;
      // It was delivered, then purged before we could save it: no refund is due.
      engine.failJob(jobId, { kind: 'expired', message }, !record.everCompleted, 'expired');
    },
    paused(reason) {
      engine.setDownloadsPaused(reason);
    },
  };
}
