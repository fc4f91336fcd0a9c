import { CLIP_ID_PATTERN } from '../../../shared/library';
import { frameFileOf } from './clipFrames';
import { OutsideLibraryError } from './containment';
import { inputImageFileOf } from './inputImages';
import { errorCode, type ReadableFile } from './libraryFs';
import type { LibraryFolder } from './libraryFolder';
import type { ClipEntry } from './libraryIndex';
import { clipFiles } from './naming';
import { parseRange } from './httpRange';

/**
 * Plays the library: `(Request) => Response` (WHATWG), so Electron mounts it with
 * `protocol.handle('clip', …)` and the browser host serves it over HTTP.
 *
 * URL shape: `<mount>/<clipId>/video` (MP4), `<mount>/<clipId>/poster` (JPEG) and
 * `<mount>/<clipId>/input-<n>` (its n-th input image from 0, for a remix's thumbnail) and
 * `<mount>/<clipId>/frame-<n>` (the still at index n of its sidecar's frames, a PNG), where the
 * mount is `clip://media` in Electron (the id sits in the path: a standard scheme lower-cases
 * hosts, and clip ids are mixed case) and e.g. `/clip` in the browser host. Files are reached
 * by clip id only, through the index: nothing in the URL is ever joined to a path, and any
 * percent-encoding or backslash (`..%2f`, `%5c`, `%00`) is refused before a lookup. A clip
 * file that is a link out of the library folder is refused (403) when it is opened.
 * A job's stored input image (`<mount>/job/<jobId>/input-<n>`) is served by `jobMedia.ts`,
 * in front of this handler.
 */
export type MediaHandler = (request: Request) => Promise<Response>;

export interface MediaHandlerOptions {
  /** The path the handler is mounted at, e.g. `/clip` (default: the root). */
  mount?: string;
}

const TYPES = { video: 'video/mp4', poster: 'image/jpeg' } as const;

/** The file a URL's kind names, and its type; input images and stills only as the sidecar gives them. */
function mediaFile(entry: ClipEntry, kind: string): { name: string; type: string } | undefined {
  if (kind === 'video' || kind === 'poster')
    return { name: clipFiles(entry.base)[kind], type: TYPES[kind] };
  const still = /^frame-(0|[1-9]\d{0,3})$/.exec(kind)?.[1];
  if (still !== undefined) {
    const name = frameFileOf(entry, Number(still));
    return name === undefined ? undefined : { name, type: 'image/png' };
  }
  const index = /^input-([0-7])$/.exec(kind)?.[1];
  const image = index === undefined ? undefined : inputImageFileOf(entry, Number(index));
  return image && { name: image.file, type: image.mime };
}

export function createMediaHandler(
  library: LibraryFolder,
  options: MediaHandlerOptions = {},
): MediaHandler {
  const mount = (options.mount ?? '').replace(/\/+$/, '');
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD', ...SAFE } });
    }
    const pathname = new URL(request.url).pathname;
    if (!pathname.startsWith(`${mount}/`)) return notFound();
    const rest = pathname.slice(mount.length + 1);
    if (/[%\\]/.test(rest)) return plain(400, 'Bad request');
    const [clipId, kind, ...extra] = rest.split('/');
    if (extra.length > 0 || !clipId || !CLIP_ID_PATTERN.test(clipId) || !kind) return notFound();
    const entry = library.entry(clipId);
    const media = entry && mediaFile(entry, kind);
    if (!media) return notFound();
    const { name, type } = media;
    let file: ReadableFile | null;
    try {
      file = await library.openFile(name);
    } catch (error) {
      if (error instanceof OutsideLibraryError) return plain(403, error.message);
      if (errorCode(error) === 'ENOTREG') return notFound();
      return plain(500, `${name} could not be read`);
    }
    if (!file) return notFound();
    const { info } = file;

    const size = info.size;
    const headers: Record<string, string> = {
      ...SAFE,
      'Content-Type': type,
      'Accept-Ranges': 'bytes',
      'Cache-Control': 'no-cache',
      'Last-Modified': new Date(info.mtimeMs).toUTCString(),
    };
    const range = parseRange(request.headers.get('range'), size);
    if (range.kind === 'unsatisfiable') {
      await file.close();
      return new Response(null, {
        status: 416,
        headers: { ...headers, 'Content-Range': `bytes */${size}` },
      });
    }
    const [status, start, end] =
      range.kind === 'partial' ? [206, range.start, range.end] : [200, 0, size - 1];
    headers['Content-Length'] = String(end - start + 1);
    if (status === 206) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    if (request.method === 'HEAD' || size === 0) {
      await file.close();
      return new Response(null, { status, headers });
    }
    return new Response(file.stream(start, end), { status, headers });
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
