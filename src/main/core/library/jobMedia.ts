import type { ImageRef } from '../../../shared/jobs';
import { JOB_ID_PATTERN } from '../../../shared/jobMedia';
import type { BlobStore } from '../ports';
import { errorCode } from './libraryFs';
import type { MediaHandler } from './mediaHandler';

export interface JobMediaDeps {
  /** Where the media handler is mounted, as for the library's (e.g. `/media`; default root). */
  mount?: string;
  /** The job's input images, or undefined when no job has this id. */
  inputImagesOf: (jobId: string) => readonly ImageRef[] | undefined;
  blobs: Pick<BlobStore, 'get'>;
}

/**
 * Adds `<mount>/job/<jobId>/input-<n>` (see `shared/jobMedia.ts`) to the library's media
 * handler: a waiting job's input image, for its thumbnail in the queue, from the blob store.
 * The image is found by job id and index only — an existing job, n within its images, an
 * image main keeps as a blob — and read by the blob id the job holds, so nothing from the
 * URL reaches a path. Any percent-encoding or backslash is refused before the lookup, as
 * the library's route does. Not kept by any cache (`no-store`): a removed job's image is gone.
 * Every other URL goes to `next`.
 */
export function withJobMedia(next: MediaHandler, deps: JobMediaDeps): MediaHandler {
  const prefix = `${(deps.mount ?? '').replace(/\/+$/, '')}/job/`;
  return async (request) => {
    const pathname = new URL(request.url).pathname;
    if (!pathname.startsWith(prefix)) return next(request);
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD', ...SAFE } });
    const rest = pathname.slice(prefix.length);
    if (/[%\\]/.test(rest)) return plain(400, 'Bad request');
    const [jobId, kind, ...extra] = rest.split('/');
    const index = /^input-([0-7])$/.exec(kind ?? '')?.[1];
    if (extra.length > 0 || !jobId || !JOB_ID_PATTERN.test(jobId) || index === undefined)
      return notFound();
    const image = deps.inputImagesOf(jobId)?.[Number(index)];
    if (!image || !('blobId' in image)) return notFound();
    let bytes: Uint8Array;
    try {
      bytes = await deps.blobs.get(image.blobId);
    } catch (error) {
      // Swept after the job ended: nothing to show. Another failure is the disk's.
      return errorCode(error) === 'ENOENT' ? notFound() : plain(500, 'The image could not be read');
    }
    const headers = {
      ...SAFE,
      'Content-Type': image.mime,
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'no-store',
    };
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(bytes), {
      status: 200,
      headers,
    });
  };
}

const SAFE = { 'X-Content-Type-Options': 'nosniff' };

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SAFE, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

const notFound = (): Response => plain(404, 'Not found');
