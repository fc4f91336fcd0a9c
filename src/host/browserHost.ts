import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { WebSocketServer, type WebSocket } from 'ws';
import { createDispatcher, type Handlers } from '../shared/contract';
import type { EventHub } from '../main/core/eventHub';
import { serveStatic } from './staticFiles';

export interface BrowserHostOptions {
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** Serves `/media/<clipId>/<video|poster>` (the library), for this run's token only. */
  media?: (request: Request) => Promise<Response>;
  port?: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
}

export interface BrowserHost {
  url: string;
  token: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer on 127.0.0.1 and carries the contract over a WebSocket, so
 * the same core runs in Chromium when no Electron binary is available. Only a page that
 * knows this run's token, from the host's own origin, can drive it.
 */
export async function startBrowserHost(
  handlers: Handlers,
  events: EventHub,
  options: BrowserHostOptions,
): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const sockets = new Set<WebSocket>();
  const dispatch = createDispatcher(handlers, (command, error) =>
    console.error(`[host] ${command} failed`, error),
  );
  const unsubscribe = events.subscribe((event, payload) => {
    const text = JSON.stringify({ event, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  });

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!hasToken(url, token)) {
        res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Open the URL printed by the host (it carries a token).');
        return;
      }
      void serveStatic(options.rendererDir, 'index.html', res).then((ok) => {
        if (!ok) res.writeHead(500).end('The renderer is not built: run `npm run build`.');
      });
      return;
    }
    if (url.pathname.startsWith('/media/') && options.media) {
      if (!hasToken(url, token)) return void res.writeHead(403).end();
      void serveMedia(options.media, req, url, res);
      return;
    }
    void serveStatic(options.rendererDir, url.pathname, res).then((ok) => {
      if (!ok) res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/bridge' || !hasToken(url, token) || !sameOrigin(req, server)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data) => void answer(ws, String(data)));
    });
  });

  async function answer(ws: WebSocket, raw: string) {
    let message: { id?: unknown; name?: unknown; request?: unknown };
    try {
      message = JSON.parse(raw) as typeof message;
    } catch {
      return;
    }
    if (typeof message.id !== 'number') return;
    const result = await dispatch(message.name, message.request);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: message.id, result }));
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`,
    token,
    close: async () => {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Hands the request to the media handler (WHATWG) and streams its answer back. */
async function serveMedia(
  media: (request: Request) => Promise<Response>,
  req: IncomingMessage,
  url: URL,
  res: ServerResponse,
): Promise<void> {
  const headers = new Headers();
  for (const name of ['range', 'if-range', 'if-none-match']) {
    const value = req.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  try {
    const answer = await media(new Request(url, { method: req.method ?? 'GET', headers }));
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    if (!answer.body || req.method === 'HEAD') return void res.end();
    Readable.fromWeb(answer.body as WebReadableStream).pipe(res);
  } catch (error) {
    console.error('[host] media failed', error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  }
}

function hasToken(url: URL, token: string): boolean {
  const given = Buffer.from(url.searchParams.get('token') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function sameOrigin(req: IncomingMessage, server: Server): boolean {
  const { port } = server.address() as AddressInfo;
  return req.headers.origin === `http://127.0.0.1:${port}`;
}

export const defaultRendererDir = join(import.meta.dirname, '..', '..', 'out', 'renderer');

/** The app's version, from package.json (Electron reads the same field). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
