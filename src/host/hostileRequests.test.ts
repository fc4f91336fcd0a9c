import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { startBrowserHost } from './browserHost';
import {
  bridgeUrl,
  connectBridge,
  headerOf,
  rawGet,
  rawRequest,
  testToken,
  useWatchedHost,
  type TestHost,
} from '../../test/support/testHost';

const watched = useWatchedHost();

/** The host still serves a normal request, and nothing escaped to the process. */
async function stillServing(t: TestHost) {
  expect((await rawGet(t.port, '/assets/app.js')).status).toBe(200);
  expect(watched.faults()).toEqual([]);
}

const expectedHeaders = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; object-src 'none'; frame-src 'none'; worker-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

describe('browser host under hostile requests', () => {
  it('answers request targets it cannot read with an error, and keeps serving', async () => {
    const t = await watched.start();
    const targets = [
      '/%zz',
      '/%',
      '/%c0%ae%c0%ae/secret.txt',
      '/assets/%e0%80%ae.js',
      '/%00',
      '//',
      'http://[::1/x',
      'http://evil.example/',
      '*',
    ];
    for (const target of targets) {
      const answer = await rawGet(t.port, target);
      expect([400, 403, 404], `GET ${target}`).toContain(answer.status);
      expect(answer.text).not.toContain('secret');
    }
    await stillServing(t);
  });

  it('serves the page only with the token, however its path is spelt', async () => {
    const t = await watched.start();
    for (const target of [
      '//index.html',
      '/%2findex.html',
      '/assets/..%2findex.html',
      '/assets/.%2e//index.html',
      '/./index.html',
      '/INDEX.HTML',
      '/index.html/',
    ]) {
      const answer = await rawGet(t.port, target);
      expect(answer.status, target).toBeGreaterThanOrEqual(400);
      expect(answer.text, target).not.toContain('<title>Airframe');
    }
    await stillServing(t);
  });

  it('refuses a Host that is not its own name and port (DNS rebinding)', async () => {
    const t = await watched.start();
    for (const host of [
      'evil.example',
      `evil.example:${t.port}`,
      '127.0.0.1',
      `127.0.0.1:${t.port + 1}`,
      `localhost.evil.example:${t.port}`,
    ]) {
      expect((await rawGet(t.port, `/?token=${testToken}`, { Host: host })).status, host).toBe(421);
      const upgrade = await rawGet(t.port, `/bridge?token=${testToken}`, {
        Host: host,
        Origin: t.origin,
        Upgrade: 'websocket',
        Connection: 'Upgrade',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
      });
      expect(upgrade.status, `upgrade with Host ${host}`).toBe(421);
    }
    for (const host of [`127.0.0.1:${t.port}`, `localhost:${t.port}`, `LocalHost:${t.port}`]) {
      expect((await rawGet(t.port, `/?token=${testToken}`, { Host: host })).status, host).toBe(200);
    }
    await stillServing(t);
  });

  it('accepts the bridge from a page at 127.0.0.1 or localhost, and no other origin', async () => {
    const t = await watched.start();
    for (const origin of [`http://127.0.0.1:${t.port}`, `http://localhost:${t.port}`]) {
      const ws = await connectBridge(bridgeUrl(t), { origin });
      ws.close();
    }
    for (const origin of [
      `http://127.0.0.1:${t.port + 1}`,
      `http://localhost.evil.example:${t.port}`,
      'null',
    ]) {
      await expect(connectBridge(bridgeUrl(t), { origin }), origin).rejects.toThrow(/403/);
    }
  });

  it('turns the URL token into an HttpOnly cookie that then admits the page, the bridge and media', async () => {
    const t = await watched.start(() => Promise.resolve(new Response('clip', { status: 200 })));
    const first = await rawGet(t.port, `/?token=${testToken}`);
    expect(first.status).toBe(200);
    const cookie = headerOf(first, 'set-cookie') ?? '';
    expect(cookie).toBe(`airframe-token-${t.port}=${testToken}; HttpOnly; SameSite=Strict; Path=/`);
    const jar = cookie.split(';')[0] ?? '';

    const again = await rawGet(t.port, '/', { Cookie: `other=1; ${jar}` });
    expect(again.status).toBe(200);
    expect(headerOf(again, 'set-cookie')).toBeUndefined();
    expect((await rawGet(t.port, '/media/clip_1/video?token=', { Cookie: jar })).status).toBe(200);
    const ws = await connectBridge(bridgeUrl(t, ''), {
      origin: t.origin,
      headers: { Cookie: jar },
    });
    ws.close();

    // The URL token still works for tools; a wrong cookie, or one sent by another local port, does not.
    expect((await rawGet(t.port, `/media/clip_1/video?token=${testToken}`)).status).toBe(200);
    expect((await rawGet(t.port, '/', { Cookie: `airframe-token-${t.port}=nope` })).status).toBe(
      403,
    );
    expect(
      (await rawGet(t.port, '/', { Cookie: `airframe-token-${t.port + 1}=${testToken}` })).status,
    ).toBe(403);
    for (const site of ['same-site', 'cross-site']) {
      expect(
        (await rawGet(t.port, '/', { Cookie: jar, 'Sec-Fetch-Site': site })).status,
        site,
      ).toBe(403);
      expect(
        (await rawGet(t.port, '/media/clip_1/video', { Cookie: jar, 'Sec-Fetch-Site': site }))
          .status,
      ).toBe(403);
    }
    expect(
      (await rawGet(t.port, '/', { Cookie: jar, 'Sec-Fetch-Site': 'same-origin' })).status,
    ).toBe(200);
    await expect(connectBridge(bridgeUrl(t, ''), { origin: t.origin })).rejects.toThrow(/403/);
  });

  it('puts its security headers on every answer, errors included', async () => {
    const t = await watched.start(() => Promise.resolve(new Response('clip', { status: 206 })));
    const answers = {
      page: await rawGet(t.port, `/?token=${testToken}`),
      asset: await rawGet(t.port, '/assets/app.js'),
      media: await rawGet(t.port, `/media/clip_1/video?token=${testToken}`),
      forbidden: await rawGet(t.port, '/'),
      missing: await rawGet(t.port, '/nothing.js'),
      badTarget: await rawGet(t.port, '/%zz'),
      badHost: await rawGet(t.port, '/', { Host: 'evil.example' }),
      badMethod: await rawRequest(
        t.port,
        `POST / HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      ),
      unparsable: await rawRequest(t.port, 'GET /\x01 HTTP/1.1\r\n\r\n'),
      badUpgrade: await rawGet(t.port, '/bridge', { Upgrade: 'websocket', Connection: 'Upgrade' }),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a.status]))).toEqual({
      page: 200,
      asset: 200,
      media: 206,
      forbidden: 403,
      missing: 404,
      badTarget: 400,
      badHost: 421,
      badMethod: 405,
      unparsable: 400,
      badUpgrade: 403,
    });
    for (const [what, answer] of Object.entries(answers)) {
      for (const [name, value] of Object.entries(expectedHeaders)) {
        expect(headerOf(answer, name), `${name} on ${what}`).toBe(value);
      }
    }
    await stillServing(t);
  });

  it('survives a clip whose stream fails half-way', async () => {
    const t = await watched.start(() => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new Uint8Array(1024));
          setTimeout(() => controller.error(new Error('the file went away')), 20);
        },
      });
      return Promise.resolve(new Response(body, { status: 200 }));
    });
    const answer = await rawGet(t.port, `/media/clip_1/video?token=${testToken}`);
    expect(answer.status).toBe(200);
    await stillServing(t);
  });

  it('refuses to start on a port in use, instead of throwing an uncaught error', async () => {
    const t = await watched.start();
    const second = startBrowserHost(t.core.handlers, t.core.events, {
      rendererDir: tmpdir(),
      port: t.port,
    });
    await expect(second).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await stillServing(t);
  });
});
