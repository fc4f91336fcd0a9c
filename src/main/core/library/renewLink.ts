import type { VideoTask } from '../../../shared/api/schemas';
import { AirforceError, type AirforceApi } from '../airforce/types';
import { english } from '../i18n';
import { DownloadError } from './downloader';
import { expiryText, type ExpiryReason } from './expiry';
import type { ClipSource } from './types';

/**
 * The result is gone for good: the job ends `expired`. `reason` is what the job's listener
 * words for the user; `message` is the English text, for logs.
 */
export class ExpiredError extends Error {
  constructor(readonly reason: ExpiryReason) {
    super(expiryText(english.t, reason));
    this.name = 'ExpiredError';
  }
}

/**
 * Asks the API about the task again after the CDN refused its link: a fresh signed URL, or
 * the news that it is gone. Only the API's word makes a clip expired — a CDN hiccup never does.
 */
export async function renewLink(
  { api, getApiKey }: { api: AirforceApi; getApiKey: (keyId?: string) => Promise<string | null> },
  source: ClipSource,
  signal: AbortSignal,
): Promise<ClipSource> {
  // The task is known only to the key that made it (issue 18).
  const apiKey = await getApiKey(source.keyId);
  if (!apiKey) throw new DownloadError('transient', 'No API key to renew the download link');
  let task: VideoTask;
  try {
    task = await api.getTask(apiKey, source.taskId, signal);
  } catch (error) {
    if (error instanceof AirforceError && error.error.kind === 'not-found') {
      throw new ExpiredError({ code: 'taskGone' });
    }
    throw error;
  }
  if (task.status === 'expired' || task.status === 'failed') {
    throw new ExpiredError({ code: 'expiredOnServer' });
  }
  if (!task.result_url)
    throw new DownloadError('transient', 'The server gave no download link yet');
  return {
    ...source,
    resultUrl: task.result_url,
    thumbnailUrl: task.thumbnail_url ?? source.thumbnailUrl,
    expiresAt: task.expires_at !== undefined ? task.expires_at * 1000 : source.expiresAt,
  };
}
