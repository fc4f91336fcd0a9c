import { describe, expect, it, vi } from 'vitest';

const privileged: unknown[] = [];
let handler: ((request: Request) => Promise<Response> | Response) | undefined;

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => privileged.push(...schemes),
    handle: (_scheme: string, h: typeof handler) => (handler = h),
  },
}));

const { handleClipScheme, registerClipScheme } = await import('./protocol');

describe('clip://', () => {
  it('is registered as a privileged streaming scheme, so <video> can seek', () => {
    registerClipScheme();
    expect(privileged).toEqual([
      { scheme: 'clip', privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true } },
    ]);
  });

  it('hands clip://media/… to the media handler and nothing else', async () => {
    const media = vi.fn(async (request: Request) => new Response(new URL(request.url).pathname, { status: 206 }));
    handleClipScheme(media);
    const answer = await handler!(new Request('clip://media/vid_ABC/video', { headers: { Range: 'bytes=0-9' } }));
    expect(answer.status).toBe(206);
    expect(await answer.text()).toBe('/vid_ABC/video');
    expect(media.mock.calls[0]?.[0].headers.get('range')).toBe('bytes=0-9');
    expect((await handler!(new Request('clip://elsewhere/etc/passwd'))).status).toBe(404);
    expect(media).toHaveBeenCalledTimes(1);
  });
});
