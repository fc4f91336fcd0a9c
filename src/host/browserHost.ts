import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { createDispatcher, type DispatchTexts, type Handlers } from '../shared/contract';
import type { EventHub } from '../main/core/eventHub';
import { attachBridge, maxFrameBytes } from './bridge';
import { serveMedia } from './media';
import { serveStatic } from './staticFiles';
import { acceptedLanguages, messagesIn, pickLanguage } from '../main/core/i18n';
import { refusedPage, refusedPageStyle, refusedPageStylePath } from './refusedPage';
import {
  cookieUsable,
  credentialOf,
  decodePath,
  hostAllowed,
  originAllowed,
  parseTarget,
  rawRefusal,
  setSecurityHeaders,
  tokenCookie,
  tokenPresented,
} from './requestGuard';

export interface BrowserHostOptions {
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** Serves `/media/<clipId>/<video|poster>` (the library), for this run's token only. */
  media?: (request: Request) => Promise<Response>;
  port?: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
  /** Refused requests in main's language (core's `dispatchTexts`); English if not given. */
  dispatchTexts?: DispatchTexts;
}

export interface BrowserHost {
  url: string;
  token: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer on 127.0.0.1 and carries the contract over a WebSocket, so
 * the same core runs in Chromium when no Electron binary is available. Only a page that
 * knows this run's token (in the printed URL, then in an HttpOnly cookie), reached by this
 * host's own name, can drive it. No request, however malformed, can stop it.
 */
export async function startBrowserHost(
  handlers: Handlers,
  events: EventHub,
  options: BrowserHostOptions,
): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  if (token === '') throw new Error('The browser host needs a non-empty token.');
  const sockets = new Set<WebSocket>();
  const dispatch = createDispatcher(
    handlers,
    (command, error) => console.error(`[host] ${command} failed`, error),
    options.dispatchTexts,
  );
  const unsubscribe = events.subscribe((event, payload) => {
    const text = JSON.stringify({ event, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(text);
  });
  let port = 0;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    // What a person reads in the tab is in the browser's language.
    const language = pickLanguage(acceptedLanguages(req.headers['accept-language']));
    if (!hostAllowed(req.headers.host, port))
      return plain(res, 421, messagesIn(language).t('refused.otherHostName'));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return void res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    }
    const url = parseTarget(req.url);
    const path = url && decodePath(url.pathname);
    if (!url || path === null) return plain(res, 400, 'Bad request.');
    if (path === '/' || path === '/index.html') {
      const credential = credentialOf(req, url, token, port);
      if (credential === null || (credential === 'cookie' && !cookieUsable(req))) {
        const page = refusedPage({
          origin: `http://127.0.0.1:${port}`,
          stale: credential === null && tokenPresented(req, url, port),
          language,
        });
        return void res
          .writeHead(403, {
            'Content-Type': 'text/html; charset=utf-8',
            'Content-Language': language,
            'Cache-Control': 'no-store',
          })
          .end(page);
      }
      const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
      // The page takes the token out of the address bar; the cookie carries it from then on.
      if (credential === 'url') headers['Set-Cookie'] = tokenCookie(port, token);
      if (!(await serveStatic(options.rendererDir, 'index.html', res, headers))) {
        plain(res, 500, 'The renderer is not built: run `npm run build`.');
      }
      return;
    }
    if (url.pathname.startsWith('/media/') && options.media) {
      const credential = credentialOf(req, url, token, port);
      if (credential === null || (credential === 'cookie' && !cookieUsable(req))) {
        return void res.writeHead(403).end();
      }
      return serveMedia(options.media, req, url, res);
    }
    if (path === refusedPageStylePath) {
      return void res
        .writeHead(200, { 'Content-Type': 'text/css; charset=utf-8' })
        .end(refusedPageStyle);
    }
    // Only the bundle's assets are public: any other spelling of the page (`//index.html`,
    // `/%2findex.html`) must not reach it around the token.
    const assets = join(options.rendererDir, 'assets');
    if (path.startsWith('/assets/') && (await serveStatic(assets, path.slice(8), res))) return;
    plain(res, 404, 'Not found');
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error('[host] request failed', error);
      if (res.headersSent) res.destroy();
      else res.writeHead(500).end();
    });
  });
  // What the HTTP parser refuses (bad request line, control characters, huge headers)
  // still gets an answer with the same headers, and never more than that socket is lost.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // An answer already under way (Node's private `_httpMessage`, as its default handler
    // checks) cannot take a second status line.
    const answering = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (!socket.writable || error.code === 'ECONNRESET' || answering?.headersSent) {
      return void socket.destroy();
    }
    const [status, reason] =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'Request Header Fields Too Large']
        : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'Request Timeout']
          : [400, 'Bad Request'];
    socket.end(rawRefusal(status, reason));
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes });
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    // Node takes its own error listener off an upgraded socket; a reset must not become uncaught.
    socket.on('error', () => socket.destroy());
    try {
      const refusal = upgradeRefusal(req);
      if (refusal) return void socket.end(rawRefusal(...refusal));
      wss.handleUpgrade(req, socket, head, (ws) => {
        sockets.add(ws);
        ws.on('close', () => sockets.delete(ws));
        attachBridge(ws, dispatch);
      });
    } catch (error) {
      console.error('[host] upgrade failed', error);
      socket.destroy();
    }
  });

  function upgradeRefusal(req: IncomingMessage): [number, string] | null {
    if (!hostAllowed(req.headers.host, port)) return [421, 'Misdirected Request'];
    const url = parseTarget(req.url);
    if (!url) return [400, 'Bad Request'];
    if (url.pathname !== '/bridge') return [404, 'Not Found'];
    // The Origin check is what keeps other local ports out: the cookie rides along with them.
    if (!originAllowed(req.headers.origin, port) || credentialOf(req, url, token, port) === null) {
      return [403, 'Forbidden'];
    }
    return null;
  }

  // A port in use is an answer for the caller, not an uncaught 'error' event.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => console.error('[host] server error', error));
  port = (server.address() as AddressInfo).port;

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

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}

export const defaultRendererDir = join(import.meta.dirname, '..', '..', 'out', 'renderer');

/** The app's version, from package.json (Electron reads the same field). */
export function packageVersion(): string {
  const pkg = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'),
  ) as { version: string };
  return pkg.version;
}
