import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const registrations: unknown[][] = [];
const handlers = new Map<string, (request: Request) => Promise<Response> | Response>();

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => registrations.push(schemes),
    handle: (scheme: string, h: (request: Request) => Promise<Response> | Response) =>
      handlers.set(scheme, h),
  },
}));

const { handleAppScheme, handleClipScheme, registerPrivilegedSchemes } = await import('./protocol');

describe('the app’s schemes', () => {
  beforeEach(() => {
    registrations.length = 0;
    handlers.clear();
  });

  it('registers app:// and clip:// in one call (a second call would replace the first), neither bypassing the CSP', () => {
    registerPrivilegedSchemes();
    expect(registrations).toEqual([
      [
        { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
        {
          scheme: 'clip',
          privileges: {
            standard: true,
            secure: true,
            stream: true,
            supportFetchAPI: true,
            corsEnabled: true,
          },
        },
      ],
    ]);
  });

  it('serves the built renderer at app://airframe with the CSP header', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'airframe-protocol-'));
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Airframe</title>');
    handleAppScheme(join(dir, 'renderer'));
    const page = await handlers.get('app')!(new Request('app://airframe/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect((await handlers.get('app')!(new Request('app://airframe/../index.html'))).status).toBe(
      200,
    );
    expect(
      (await handlers.get('app')!(new Request('app://airframe/%2e%2e%2fprotocol-x'))).status,
    ).toBe(404);
  });

  it('hands clip://media/… to the media handler and nothing else', async () => {
    const media = vi.fn((request: Request) =>
      Promise.resolve(new Response(new URL(request.url).pathname, { status: 206 })),
    );
    handleClipScheme(media);
    const handler = handlers.get('clip')!;
    const answer = await handler(
      new Request('clip://media/vid_ABC/video', { headers: { Range: 'bytes=0-9' } }),
    );
    expect(answer.status).toBe(206);
    expect(await answer.text()).toBe('/vid_ABC/video');
    expect(media.mock.calls[0]?.[0].headers.get('range')).toBe('bytes=0-9');
    expect((await handler(new Request('clip://elsewhere/etc/passwd'))).status).toBe(404);
    expect(media).toHaveBeenCalledTimes(1);
  });

  it('lets the app’s page read a clip (a frame drawn on a canvas) and no other origin', async () => {
    handleClipScheme(() =>
      Promise.resolve(
        new Response('mp4', { status: 206, headers: { 'Content-Range': 'bytes 0-2/3' } }),
      ),
    );
    const handler = handlers.get('clip')!;
    const fromApp = await handler(
      new Request('clip://media/vid_ABC/video', { headers: { Origin: 'app://airframe' } }),
    );
    expect(fromApp.status).toBe(206);
    expect(fromApp.headers.get('access-control-allow-origin')).toBe('app://airframe');
    expect(fromApp.headers.get('vary')).toBe('Origin');
    expect(fromApp.headers.get('content-range')).toBe('bytes 0-2/3');
    expect(await fromApp.text()).toBe('mp4');
    for (const origin of ['https://evil.example', 'null', 'app://other']) {
      const other = await handler(
        new Request('clip://media/vid_ABC/video', { headers: { Origin: origin } }),
      );
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    }
    const noOrigin = await handler(new Request('clip://media/vid_ABC/video'));
    expect(noOrigin.headers.get('access-control-allow-origin')).toBeNull();
  });
});
