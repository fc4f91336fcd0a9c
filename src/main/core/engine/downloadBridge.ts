import type { DownloadListener } from '../library/types';
import type { JobEngine } from './engine';

/** Turns the library's download reports into job state: downloading → saved, or expired. */
export function createDownloadListener(engine: JobEngine): DownloadListener {
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
      if (!record || (record.status !== 'completed' && record.status !== 'downloading')) return;
      engine.change(jobId, { status: 'saved', clipId, progress: null });
      engine.notify('ready', jobId, { clipId });
    },
    expired(jobId, message) {
      const record = engine.repo.get(jobId);
      if (!record || (record.status !== 'completed' && record.status !== 'downloading')) return;
      // Delivered, then purged before it could be saved: the server's books say whether it is refunded.
      engine.expiredBeforeSaved(jobId, message);
    },
    paused(reason) {
      engine.setDownloadsPaused(reason);
    },
  };
}
