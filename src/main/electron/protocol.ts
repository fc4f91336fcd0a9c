import { protocol } from 'electron';
import { APP_SCHEME, serveRenderer } from './appScheme';

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
 * - `clip://media/<clipId>/<video|poster|input-n>`: the library, played by `<video>` with seeking
 *   (streaming, so Range requests work; secure and standard, so the CSP's `clip:` applies).
 * Neither bypasses the CSP.
 */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    {
      scheme: CLIP_SCHEME,
      privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true },
    },
  ]);
}

/** Serves the scheme with core's media handler; anything but `clip://media/…` is not found. */
export function handleClipScheme(media: (request: Request) => Promise<Response>): void {
  protocol.handle(CLIP_SCHEME, (request) => {
    if (!URL.canParse(request.url) || new URL(request.url).host !== MEDIA_HOST)
      return new Response('Not found', { status: 404 });
    return media(request);
  });
}

/** Serves `app://airframe/…` from the built renderer folder (see `serveRenderer`). */
export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, serveRenderer(rendererDir));
}
