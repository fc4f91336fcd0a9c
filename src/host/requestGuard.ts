import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What every answer of the browser host carries. The CSP is never looser than the meta CSP
 * in `src/renderer/index.html` (both apply; the stricter wins), and adds what only a header
 * can say: `frame-ancestors`.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // Another local port is the same *site*: without this it could embed the page or a clip.
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
}

/** The raw HTTP answer for a socket that never became a request or a WebSocket. */
export function rawRefusal(status: number, reason: string): string {
  const headers = Object.entries(securityHeaders).map(([name, value]) => `${name}: ${value}\r\n`);
  return `HTTP/1.1 ${status} ${reason}\r\n${headers.join('')}Connection: close\r\nContent-Length: 0\r\n\r\n`;
}

/**
 * A DNS-rebinding page reaches 127.0.0.1 under its own name; only the names this host is
 * really reached by, with its port, are served.
 */
export function hostAllowed(host: string | undefined, port: number): boolean {
  const name = host?.toLowerCase();
  return name === `127.0.0.1:${port}` || name === `localhost:${port}`;
}

export function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/**
 * The request target as a URL, or null when it is not a plain path: absolute-form
 * (`http://[::1/x`), authority-form and `*` are not for this host, and a target that does
 * not parse must never throw out of the request handler.
 */
export function parseTarget(target: string | undefined): URL | null {
  if (!target?.startsWith('/')) return null;
  try {
    // A leading `//` would read as a host; after our own origin it is only a path.
    return new URL(`http://127.0.0.1${target}`);
  } catch {
    return null;
  }
}

/** The decoded path, or null for bad percent-encoding, overlong UTF-8 or a NUL. */
export function decodePath(pathname: string): string | null {
  try {
    const path = decodeURIComponent(pathname);
    return path.includes('\0') ? null : path;
  } catch {
    return null;
  }
}

/** The cookie that carries the token after the first load: one per port, so two hosts never clash. */
export function tokenCookieName(port: number): string {
  return `airframe-token-${port}`;
}

export function tokenCookie(port: number, token: string): string {
  return `${tokenCookieName(port)}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`;
}

export type Credential = 'url' | 'cookie' | null;

/**
 * How the request proves it knows the run's token: `?token=` (the printed URL, tools) or
 * the cookie set on the first load.
 */
export function credentialOf(
  req: IncomingMessage,
  url: URL,
  token: string,
  port: number,
): Credential {
  const expected = Buffer.from(token);
  if (same(url.searchParams.get('token'), expected)) return 'url';
  return same(cookieValue(req.headers.cookie, tokenCookieName(port)), expected) ? 'cookie' : null;
}

/**
 * The request offers a token, right or wrong: a tab from an earlier run of the host (its
 * address or its cookie), not one that never had one.
 */
export function tokenPresented(req: IncomingMessage, url: URL, port: number): boolean {
  return (
    url.searchParams.has('token') || cookieValue(req.headers.cookie, tokenCookieName(port)) !== null
  );
}

/**
 * A cookie rides along with requests from other local ports (same site, whatever
 * SameSite says); fetch metadata tells those apart. Tools send none, a typed URL or a
 * reload says `none`, the page itself `same-origin`.
 */
export function cookieUsable(req: IncomingMessage): boolean {
  const site = req.headers['sec-fetch-site'];
  return site === undefined || site === 'same-origin' || site === 'none';
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at < 0 || part.slice(0, at).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(at + 1).trim());
    } catch {
      return null;
    }
  }
  return null;
}

function same(given: string | null, expected: Buffer): boolean {
  if (given === null) return false;
  const bytes = Buffer.from(given);
  return bytes.length === expected.length && timingSafeEqual(bytes, expected);
}
