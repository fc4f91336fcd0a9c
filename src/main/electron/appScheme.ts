import { readFile, realpath, stat } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { rendererCsp } from './csp';

// No `electron` import here: the same handler is checked in Chromium by test/e2e/csp.spec.ts.
export const APP_SCHEME = 'app';
export const APP_HOST = 'airframe';
/** The app's one page. Its origin, `app://airframe`, is what `'self'` means in the CSP. */
export const APP_PAGE = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Whether a URL is the app's own page, whatever its hash or query. */
export function isAppPageUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.pathname === '/index.html'
  );
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

// The callback forms: Electron makes these read inside app.asar, where the renderer lives.
const call = <T>(run: (done: (error: Error | null, value: T) => void) => void) =>
  new Promise<T>((done, fail) => run((error, value) => (error ? fail(error) : done(value))));

const notFound = () =>
  new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });

/**
 * Serves the built renderer folder at `app://airframe/…`: GET and HEAD only, nothing outside
 * the folder (`..`, encoded slashes, backslashes and links that point out are all refused:
 * containment is checked on the real path), and every answer carries the CSP as a header.
 */
export function serveRenderer(root: string): (request: Request) => Promise<Response> {
  const realRoot = call<string>((done) => realpath(resolve(root), done));
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return notFound();
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return new Response('Bad request', { status: 400 });
    }
    if (path.includes('\0') || path.includes('\\')) return notFound();
    if (path === '/') path = '/index.html';
    const base = await realRoot;
    try {
      const real = await call<string>((done) => realpath(resolve(base, `.${path}`), done));
      const inside = relative(base, real);
      if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside))
        return notFound();
      if (!(await call<{ isFile(): boolean }>((done) => stat(real, done))).isFile())
        return notFound();
      const body = await call<Buffer>((done) => readFile(real, done));
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: {
          'Content-Type': types[extname(real).toLowerCase()] ?? 'application/octet-stream',
          'Content-Length': String(body.byteLength),
          'Content-Security-Policy': rendererCsp,
          'X-Content-Type-Options': 'nosniff',
          'Referrer-Policy': 'no-referrer',
          'Cross-Origin-Opener-Policy': 'same-origin',
        },
      });
    } catch {
      return notFound();
    }
  };
}
