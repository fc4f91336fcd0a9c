import { protocol } from 'electron';

export const CLIP_SCHEME = 'clip';

/**
 * `clip://media/<clipId>/<video|poster>`: the library, played by `<video>` with seeking.
 * Registered as privileged before `ready` (streaming, so Range requests work; secure and
 * standard, so the CSP's `clip:` source applies). Must run before the app is ready.
 */
export function registerClipScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: CLIP_SCHEME, privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } },
  ]);
}

/** Serves the scheme with core's media handler; anything but `clip://media/…` is not found. */
export function handleClipScheme(media: (request: Request) => Promise<Response>): void {
  protocol.handle(CLIP_SCHEME, (request) => {
    if (new URL(request.url).host !== 'media') return new Response('Not found', { status: 404 });
    return media(request);
  });
}
