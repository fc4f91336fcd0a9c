import type { Clock } from '../ports';
import { STALL_MS, StallWatch, writeBody } from './downloaderBody';
import { errorCode, type LibraryFs } from './libraryFs';

/**
 * One file from the CDN into a `.part` file: streamed chunk by chunk, resumed with `Range`
 * and `If-Range`, and proven complete against the size the server announced. The part's
 * validator (strong ETag, else Last-Modified) lives in `<part>.meta`, so a resume after a
 * restart can still ask "only if it is the same file" — and never splices two versions.
 */
export type DownloadFailure =
  /** The CDN refused the URL (expired or bad signature): ask the API for a fresh one. */
  | 'forbidden'
  /** The CDN no longer has the file. */
  | 'gone'
  /** The disk is full: pause, keep the part. */
  | 'no-space'
  /** Anything else: try again later, resuming. */
  | 'transient';

export class DownloadError extends Error {
  constructor(
    readonly failure: DownloadFailure,
    message: string,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

export interface PartDownload {
  url: string;
  /** Absolute path of the `.part` file. */
  part: string;
  fs: LibraryFs;
  /** A plain fetch: it must never carry the API key or any credential. */
  fetch: typeof fetch;
  signal: AbortSignal;
  /** Times the network's silence: `stallMs` (30 s) without a byte ends the attempt. */
  clock: Clock;
  stallMs?: number;
  onProgress: (receivedBytes: number, totalBytes: number | null) => void;
}

interface PartMeta {
  validator: string | null;
  total: number | null;
}

/** A full disk (or quota), from the downloader or straight from the file system. */
export function isNoSpace(error: unknown): boolean {
  if (error instanceof DownloadError) return error.failure === 'no-space';
  const code = errorCode(error);
  return code === 'ENOSPC' || code === 'EDQUOT';
}

export const metaFile = (part: string): string => `${part}.meta`;

/** Downloads into `part` until it holds the whole file; resolves with its size. */
export async function downloadPart(options: PartDownload): Promise<number> {
  const { part } = options;
  const seconds = Math.round((options.stallMs ?? STALL_MS) / 1000);
  const watch = new StallWatch(
    options.clock,
    options.stallMs ?? STALL_MS,
    () =>
      new DownloadError(
        'transient',
        `The CDN sent nothing for ${seconds} s; the download resumes from what arrived`,
      ),
  );
  try {
    return await attempt(options, watch);
  } catch (error) {
    if (error instanceof DownloadError || options.signal.aborted) throw error;
    if (isNoSpace(error)) throw new DownloadError('no-space', 'The disk is full');
    throw new DownloadError(
      'transient',
      `Download of ${fileLabel(part)} failed: ${describe(error)}`,
    );
  } finally {
    watch.dispose();
  }
}

async function attempt(
  { url, part, fs, fetch, signal, onProgress }: PartDownload,
  watch: StallWatch,
): Promise<number> {
  // A link the server got wrong is one to renew, like a refused one, not a retry of the same.
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
    throw new DownloadError('gone', 'The result URL is not an http(s) URL');
  const found = await fs.stat(part);
  // A part is the app's own file: a link (or anything else) in its place was not made here,
  // and writing through it would write outside the library. Removed, it is started afresh.
  if (found && found.kind !== 'file') await discard(fs, part);
  const meta = await readMeta(fs, part);
  let have = found?.kind === 'file' ? found.size : 0;
  // Bytes whose origin cannot be proven (no validator) are not resumed from.
  if (!meta?.validator) have = 0;

  // Byte offsets and Content-Length must describe the file itself, never a compressed body.
  const headers: Record<string, string> = { 'Accept-Encoding': 'identity' };
  // Stryker disable next-line OptionalChaining: `have` is above 0 only when the meta has a validator (just above), so `meta` is there.
  if (have > 0 && meta?.validator) {
    headers.Range = `bytes=${have}-`;
    headers['If-Range'] = meta.validator;
  }
  const response = await watch
    .wait(
      fetch(url, {
        headers,
        signal: AbortSignal.any([signal, watch.signal]),
        redirect: 'follow',
        credentials: 'omit',
        // Each clip is read once, into the library: an HTTP cache (Electron's net.fetch has
        // one) would only write every clip to disk a second time.
        cache: 'no-store',
      }),
    )
    .catch((error: unknown) => {
      throw watch.explain(error);
    });

  if (response.status === 416 && have > 0) {
    // Stryker disable next-line OptionalChaining: fetch gives every answer to a GET with this status a body (only 101, 103, 204, 205 and 304 have none); the `?.` is for the type.
    await response.body?.cancel();
    const total = parseUnsatisfiedRange(response.headers.get('content-range'));
    // Stryker disable next-line OptionalChaining: a 416 is read only after a range was asked, which needs a meta (`have` > 0).
    if (total === have && meta?.total === have) return finish(fs, part, have);
    await discard(fs, part);
    throw new DownloadError(
      'transient',
      'The partial download no longer matches the file; starting again',
    );
  }
  if (response.status === 403 || response.status === 401) {
    // Stryker disable next-line OptionalChaining: fetch gives every answer to a GET with this status a body (only 101, 103, 204, 205 and 304 have none); the `?.` is for the type.
    await response.body?.cancel();
    throw new DownloadError('forbidden', `The CDN refused the download (HTTP ${response.status})`);
  }
  if (response.status === 404 || response.status === 410) {
    // Stryker disable next-line OptionalChaining: fetch gives every answer to a GET with this status a body (only 101, 103, 204, 205 and 304 have none); the `?.` is for the type.
    await response.body?.cancel();
    throw new DownloadError('gone', `The CDN no longer has the file (HTTP ${response.status})`);
  }
  if (response.status !== 200 && response.status !== 206) {
    // Stryker disable next-line OptionalChaining: fetch gives every answer to a GET with this status a body (only 101, 103, 204, 205 and 304 have none); the `?.` is for the type.
    await response.body?.cancel();
    throw new DownloadError('transient', `The CDN answered HTTP ${response.status}`);
  }

  let start = 0;
  let total: number | null;
  if (response.status === 206) {
    const range = parseContentRange(response.headers.get('content-range'));
    const sameFile = validatorOf(response.headers) === meta?.validator;
    if (!range || range.start !== have || !sameFile) {
      // Stryker disable next-line OptionalChaining: fetch gives every 206 answer a body; the `?.` is for the type.
      await response.body?.cancel();
      await discard(fs, part);
      throw new DownloadError(
        'transient',
        'The CDN answered a different range than asked; starting again',
      );
    }
    start = have;
    total = range.total;
  } else {
    // A 200 to a conditional range request means the file changed: start from nothing.
    const length = response.headers.get('content-length');
    total = length !== null && /^\d+$/.test(length) ? Number(length) : null;
    await fs.writeFileAtomic(
      metaFile(part),
      encodeMeta({ validator: validatorOf(response.headers), total }),
    );
  }

  const file = await fs.openWrite(part, { truncate: start === 0 });
  let received: number;
  try {
    // A fetch body streams bytes (Fetch standard); undici's types leave its chunks `any`.
    const body = response.body as ReadableStream<Uint8Array> | null;
    received = await writeBody({ body, file, start, total, watch, onProgress });
  } finally {
    await file.close();
  }
  if (total !== null && received < total) {
    throw new DownloadError(
      'transient',
      `The connection closed after ${received} of ${total} bytes`,
    );
  }
  if (total !== null && received > total) {
    await discard(fs, part);
    throw new DownloadError('transient', 'The CDN sent more bytes than announced; starting again');
  }
  return finish(fs, part, received);
}

async function finish(fs: LibraryFs, part: string, size: number): Promise<number> {
  const info = await fs.stat(part);
  if (info?.size !== size)
    throw new DownloadError(
      'transient',
      `${fileLabel(part)} has ${info?.size ?? 0} bytes, expected ${size}`,
    );
  return size;
}

/** Removes a part and its meta (a changed or unusable file). */
export async function discard(fs: LibraryFs, part: string): Promise<void> {
  await fs.remove(part);
  await fs.remove(metaFile(part));
}

function validatorOf(headers: Headers): string | null {
  const etag = headers.get('etag');
  // If-Range needs a strong validator; a weak ETag can only ever mean "start again".
  if (etag && !etag.startsWith('W/')) return etag;
  return headers.get('last-modified');
}

function parseContentRange(
  value: string | null,
): { start: number; end: number; total: number } | null {
  // Stryker disable next-line MethodExpression,StringLiteral: Headers.get already strips surrounding whitespace; no header and a made-up text both fail the match.
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(value?.trim() ?? '');
  if (!match) return null;
  const [start, end, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return end >= start && end < total ? { start, end, total } : null;
}

function parseUnsatisfiedRange(value: string | null): number | null {
  // Stryker disable next-line MethodExpression,StringLiteral: Headers.get already strips surrounding whitespace; no header and a made-up text both fail the match.
  const match = /^bytes \*\/(\d+)$/.exec(value?.trim() ?? '');
  return match ? Number(match[1]) : null;
}

async function readMeta(fs: LibraryFs, part: string): Promise<PartMeta | null> {
  try {
    const raw = JSON.parse(
      new TextDecoder().decode(await fs.readFile(metaFile(part))),
    ) as Partial<PartMeta>;
    return {
      validator: typeof raw.validator === 'string' ? raw.validator : null,
      total: typeof raw.total === 'number' ? raw.total : null,
    };
  } catch {
    return null;
  }
}

const encodeMeta = (meta: PartMeta): Uint8Array => new TextEncoder().encode(JSON.stringify(meta));

const fileLabel = (part: string): string => part.split(/[/\\]/).pop() ?? part;

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
}
