import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Hands the request to the media handler (WHATWG) and streams its answer back. A clip
 * removed while it plays, or a player that goes away, ends this answer and nothing else.
 */
export async function serveMedia(
  media: (request: Request) => Promise<Response>,
  req: IncomingMessage,
  url: URL,
  res: ServerResponse,
): Promise<void> {
  const headers = new Headers();
  for (const name of ['range', 'if-range', 'if-none-match']) {
    const value = req.headers[name];
    if (typeof value !== 'string') continue;
    try {
      headers.set(name, value);
    } catch {
      // A value `Headers` refuses is no range worth answering: the whole clip is.
    }
  }
  let answer: Response;
  try {
    answer = await media(new Request(url, { method: req.method ?? 'GET', headers }));
  } catch (error) {
    console.error('[host] media failed', error);
    res.writeHead(500).end();
    return;
  }
  res.writeHead(answer.status, Object.fromEntries(answer.headers));
  if (!answer.body || req.method === 'HEAD') {
    await answer.body?.cancel();
    res.end();
    return;
  }
  await pipeline(Readable.fromWeb(answer.body), res).catch(() => res.destroy());
}
