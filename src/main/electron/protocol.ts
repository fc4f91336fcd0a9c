import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME, serveRenderer } from './appScheme';

export const CLIP_SCHEME = 'clip';
const MEDIA_HOST = 'media';
/** What the renderer puts before a media path (`app.info`'s `mediaBase`). */
export const CLIP_MEDIA_BASE = `${CLIP_SCHEME}://${MEDIA_HOST}`;

/**
 * Both of the app's schemes, in the one call Electron allows (a second call replaces the
 * first), before the app is ready:
 * - `app://airframe/…`: the renderer. Standard and secure, so it is an origin of its own
 *   (`'self'` in the CSP, storage, the IPC sender check) with none of `file://`'s extra
 *   privileges; fetch support for the module scripts.
 * - `clip://media/<clipId>/<video|poster|input-n|frame-n>`: the library, played by `<video>`
 *   with seeking (streaming, so Range requests work; secure and standard, so the CSP's
 *   `clip:` applies).
 *   CORS-enabled, and answering the app's own origin with `Access-Control-Allow-Origin`, so a
 *   frame of a clip drawn on a canvas ("Continue from this frame") leaves it readable: the
 *   page (`app://airframe`) and the media (`clip://media`) are different origins.
 * Neither bypasses the CSP.
 */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    {
      scheme: CLIP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        stream: true,
        supportFetchAPI: true,
        corsEnabled: true,
      },
    },
  ]);
}

/** The app's page: the one origin whose CORS requests for media are answered. */
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Serves the scheme with core's media handler; anything but `clip://media/…` is not found.
 * A request from the app's page (its `Origin`) is allowed to read the answer; no other
 * origin is named, so nothing else may read a clip through CORS.
 */
export function handleClipScheme(media: (request: Request) => Promise<Response>): void {
  protocol.handle(CLIP_SCHEME, async (request) => {
    if (!URL.canParse(request.url) || new URL(request.url).host !== MEDIA_HOST)
      return new Response('Not found', { status: 404 });
    const answer = await media(request);
    if (request.headers.get('origin') !== APP_ORIGIN) return answer;
    const headers = new Headers(answer.headers);
    headers.set('Access-Control-Allow-Origin', APP_ORIGIN);
    headers.append('Vary', 'Origin');
    return new Response(answer.body, {
      status: answer.status,
      statusText: answer.statusText,
      headers,
    });
  });
}

/** Serves `app://airframe/…` from the built renderer folder (see `serveRenderer`). */
export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, serveRenderer(rendererDir));
}
