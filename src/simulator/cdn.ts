import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { sendBody } from './bodyWriter';
import type { FaultQueue } from './faults';
import { answerInsteadOfRoute, Exchange } from './http';
import type { MediaLibrary } from './media';
import type { Body } from './mp4Padding';
import { paddedBody, paddingBoxSize } from './mp4Padding';
import { decideRange } from './range';
import type { RequestLog } from './requestLog';
import type { UrlSigner } from './signing';
import type { TaskEngine } from './tasks';
import { parseMediaPath } from './wire';

export interface CdnDeps {
  tasks: TaskEngine;
  signer: UrlSigner;
  media: MediaLibrary;
  log: RequestLog;
  faults: FaultQueue;
  /** Virtual now, after applying every state change due by then. */
  settledNow(): number;
  padBytes(): number;
  hanging: Set<ServerResponse>;
  signal: AbortSignal;
}

/** S3's error document, which is what a CDN in front of a bucket answers. */
function xmlError(code: string, message: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
}

function sendXmlError(ex: Exchange, status: number, code: string, message: string): void {
  ex.text(status, 'application/xml', xmlError(code, message));
}

/** The results host: signed, expiring, Range-capable downloads of each task's clip and poster. */
export function cdnHandler(deps: CdnDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const now = deps.settledNow();
    const entry = deps.log.add({
      method: req.method ?? 'GET',
      path: new URL(req.url ?? '/', 'http://cdn').pathname,
      route: 'cdn',
      status: 0,
      at: now,
      realAt: Date.now(),
      authorized: req.headers.authorization !== undefined,
    });
    const fault = deps.faults.take('cdn');
    const ex = new Exchange(req, res, entry, fault);
    if (
      fault &&
      answerInsteadOfRoute(ex, fault, deps.hanging, (s) =>
        xmlError('SimulatedFault', `Status ${s}`),
      )
    )
      return;
    serve(ex, now, deps).catch(() => res.destroy());
  };
}

async function serve(ex: Exchange, now: number, deps: CdnDeps): Promise<void> {
  const { req } = ex;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendXmlError(
      ex,
      405,
      'MethodNotAllowed',
      'The specified method is not allowed against this resource.',
    );
  }
  const path = ex.url.pathname;
  const target = parseMediaPath(path);
  if (!target) return sendXmlError(ex, 404, 'NoSuchKey', 'The specified key does not exist.');

  const signature = deps.signer.check(path, ex.url.searchParams, now);
  if (signature === 'missing') {
    return sendXmlError(
      ex,
      403,
      'AccessDenied',
      'Query-string authentication requires the exp and sig parameters',
    );
  }
  if (signature === 'mismatch') {
    return sendXmlError(
      ex,
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided.',
    );
  }
  if (signature === 'expired') return sendXmlError(ex, 403, 'AccessDenied', 'Request has expired');

  const task = deps.tasks.get(target.taskId);
  // Deleted, or never finished: the object does not exist (a valid signature cannot tell).
  if (!task || (task.status !== 'completed' && task.status !== 'expired')) {
    return sendXmlError(ex, 404, 'NoSuchKey', 'The specified key does not exist.');
  }
  // Whatever the status call says about it (`statusAfterExpiry`), the link is dead.
  if (task.status === 'expired' || task.expiresAt <= now)
    return sendXmlError(ex, 403, 'AccessDenied', 'Request has expired');

  let body: Body;
  let etag: string;
  if (target.kind === 'mp4') {
    const clip = deps.media.clip(task.aspectRatio);
    const boxSize = paddingBoxSize(clip.bytes.length, deps.padBytes());
    body = paddedBody(clip.bytes, boxSize);
    etag = `"${clip.hash}-${boxSize}"`;
  } else {
    const poster = deps.media.poster(task.aspectRatio);
    body = paddedBody(poster.bytes, 0);
    etag = `"${poster.hash}"`;
  }
  const lastModified = new Date(task.completedAt ?? task.created).toUTCString();
  const headers: OutgoingHttpHeaders = {
    'Content-Type': target.kind === 'mp4' ? 'video/mp4' : 'image/jpeg',
    'Accept-Ranges': 'bytes',
    ETag: etag,
    'Last-Modified': lastModified,
    'Cache-Control': 'private, max-age=86400',
  };

  const ifNoneMatch = req.headers['if-none-match'];
  if (
    ifNoneMatch !== undefined &&
    ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')
  ) {
    ex.head(304, headers);
    ex.res.end();
    return;
  }

  const ifRange = req.headers['if-range'];
  const range = decideRange(
    req.headers.range,
    typeof ifRange === 'string' ? ifRange : undefined,
    body.size,
    {
      etag,
      lastModified,
    },
  );
  if (range.kind === 'unsatisfiable') {
    ex.head(416, { ...headers, 'Content-Range': `bytes */${body.size}`, 'Content-Length': 0 });
    ex.res.end();
    return;
  }
  const [start, end] = range.kind === 'partial' ? [range.start, range.end] : [0, body.size];
  ex.head(range.kind === 'partial' ? 206 : 200, {
    ...headers,
    'Content-Length': end - start,
    ...(range.kind === 'partial'
      ? { 'Content-Range': `bytes ${start}-${end - 1}/${body.size}` }
      : {}),
  });
  if (req.method === 'HEAD') {
    ex.res.end();
    return;
  }
  await sendBody(ex.res, body.slices(start, end), ex.fault, deps.signal);
}
