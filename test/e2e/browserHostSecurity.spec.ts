import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Every CSP violation the page reports, from its first script on. */
async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(
        `${event.effectiveDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return async () => [
    ...console,
    ...(await page.evaluate(
      () => (window as unknown as { __cspViolations: string[] }).__cspViolations,
    )),
  ];
}

test('the token leaves the address bar for an HttpOnly cookie; the app, its clips and a reload work under the CSP with no violation', async ({
  page,
  host,
}) => {
  const violations = await recordCspViolations(page);
  const port = Number(new URL(host.url).port);
  const answer = await page.goto(host.url);
  expect(answer?.headers()).toMatchObject({
    'content-security-policy': expect.stringContaining("style-src 'self';"),
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  });
  expect(answer?.headers()['content-security-policy']).not.toContain('unsafe');

  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(page.getByLabel('App version')).toHaveText(/demo mode · browser$/);
  expect(new URL(page.url()).search).toBe('');
  expect(await page.evaluate(() => document.cookie)).toBe('');
  expect(await page.context().cookies()).toEqual([
    expect.objectContaining({
      name: `airframe-token-${port}`,
      value: host.token,
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
    }),
  ]);

  // A clip made, played and shown as a poster: the bridge, /media and the player by the cookie alone.
  const prompt = 'A kite over a windy beach';
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('button', { name: 'Generate' }).click();
  await nav.getByRole('button', { name: 'Queue' }).click();
  await expect(page.getByRole('listitem', { name: prompt })).toHaveAccessibleDescription('Saved', {
    timeout: 45_000,
  });
  await nav.getByRole('button', { name: 'Library' }).click();
  // The poster is decorative (alt=""), so it has no role to find it by.
  const poster = page
    .getByRole('list', { name: 'Clips' })
    .getByRole('button', { name: prompt })
    .locator('img');
  await expect
    .poll(() => poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  await page.getByRole('list', { name: 'Clips' }).getByRole('button', { name: prompt }).click();
  const played = await page
    .getByRole('dialog')
    .getByLabel('Clip player')
    .evaluate(async (video: HTMLVideoElement) => {
      if (video.readyState < 1)
        await new Promise((r) => video.addEventListener('loadedmetadata', r, { once: true }));
      return video.duration > 0 && !video.error;
    });
  expect(played).toBe(true);
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await nav.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
  expect(await violations()).toEqual([]);

  await page.reload();
  await expect(page.getByLabel('App version')).toHaveText(/demo mode · browser$/);
  await nav.getByRole('button', { name: 'Queue' }).click();
  await expect(page.getByRole('listitem', { name: prompt })).toHaveAccessibleDescription('Saved');
  expect(await violations()).toEqual([]);
});

test('a page opened at localhost drives the app as well', async ({ page, host }) => {
  await page.goto(host.url.replace('127.0.0.1', 'localhost'));
  await expect(page.getByLabel('App version')).toHaveText(/demo mode · browser$/);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Library' })
    .click();
  await expect(page.getByRole('heading', { name: 'Library', level: 2 })).toBeVisible();
});

test('a page on another local port gets nothing with the cookie: no bridge, no page, not even framed with the token', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.getByLabel('App version')).toHaveText(/demo mode · browser$/);
  const target = new URL(host.url).origin;
  const other = await serve('<!doctype html><title>other</title>');
  try {
    await page.goto(other.url);
    const socket = await page.evaluate(
      (origin) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(`${origin.replace('http', 'ws')}/bridge`);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
        }),
      target,
    );
    expect(socket).toBe('refused');
    expect(
      (
        await page.request.get(`${target}/`, { headers: { 'Sec-Fetch-Site': 'same-site' } })
      ).status(),
    ).toBe(403);

    // Even the URL with the token must not render inside another page (clickjacking).
    await page.evaluate((url) => {
      const iframe = document.createElement('iframe');
      iframe.src = url;
      document.body.append(iframe);
      return new Promise((resolve) => (iframe.onload = resolve));
    }, host.url);
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    const title = await framed?.evaluate(() => document.title).catch(() => 'not readable');
    expect(title).not.toBe('Airframe');
  } finally {
    await other.close();
  }
});

async function serve(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(html),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
