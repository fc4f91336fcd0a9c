import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from './browserHost';
import { createHostCore, type HostCore } from './hostCore';
import { stringMatching } from '../../test/support/matchers';

let host: BrowserHost | undefined;
let core: HostCore | undefined;
afterEach(async () => {
  await host?.close();
  await core?.stop();
});

async function start() {
  const rendererDir = mkdtempSync(join(tmpdir(), 'airframe-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<title>Airframe</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, '..', 'secret.txt'), 'secret');
  core = await createHostCore({
    dataDir: mkdtempSync(join(tmpdir(), 'airframe-host-')),
    demo: true,
  });
  host = await startBrowserHost(core.handlers, core.events, { rendererDir, token: 'test-token' });
  return { host, origin: new URL(host.url).origin };
}

function connect(url: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function call(ws: WebSocket, id: number, name: string, request: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.on('message', (data) => {
      const message = JSON.parse((data as Buffer).toString()) as { id?: number; result?: unknown };
      if (message.id === id) resolve(message.result);
    });
    ws.send(JSON.stringify({ id, name, request }));
  });
}

describe('browser host', () => {
  it('serves the page only with the token', async () => {
    const { host, origin } = await start();
    expect((await fetch(`${origin}/`)).status).toBe(403);
    expect((await fetch(`${origin}/?token=wrong`)).status).toBe(403);
    const page = await fetch(host.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Airframe</title>');
    expect((await fetch(`${origin}/assets/app.js`)).status).toBe(200);
  });

  it('never serves files outside the renderer folder', async () => {
    const { origin } = await start();
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt']) {
      expect((await fetch(`${origin}${path}`)).status).toBe(404);
    }
  });

  it('carries the contract over the WebSocket, validated', async () => {
    const { origin } = await start();
    const ws = await connect(`${origin.replace('http', 'ws')}/bridge?token=test-token`, origin);
    await expect(call(ws, 1, 'app.info', {})).resolves.toEqual({
      ok: true,
      value: {
        name: 'Airframe',
        version: stringMatching(/^\d+\.\d+\.\d+$/),
        demo: true,
        host: 'browser',
        mediaBase: '/media',
      },
    });
    await expect(call(ws, 2, 'settings.update', { concurrency: 0 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    ws.close();
  });

  it('pushes contract events to connected pages', async () => {
    const { origin } = await start();
    const ws = await connect(`${origin.replace('http', 'ws')}/bridge?token=test-token`, origin);
    const event = new Promise((resolve) =>
      ws.on('message', (data) => {
        const message = JSON.parse((data as Buffer).toString()) as {
          event?: string;
          payload?: unknown;
        };
        if (message.event) resolve(message);
      }),
    );
    await call(ws, 1, 'settings.update', { concurrency: 2 });
    await expect(event).resolves.toMatchObject({
      event: 'settings.changed',
      payload: { settings: { concurrency: 2 } },
    });
    ws.close();
  });

  it('refuses a bridge without the token or from another origin', async () => {
    const { origin } = await start();
    const ws = origin.replace('http', 'ws');
    await expect(connect(`${ws}/bridge?token=nope`, origin)).rejects.toThrow(/403/);
    await expect(connect(`${ws}/bridge?token=test-token`, 'http://evil.example')).rejects.toThrow(
      /403/,
    );
  });
});
