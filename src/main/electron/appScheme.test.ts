import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_PAGE, isAppPageUrl, serveRenderer } from './appScheme';

/** A built renderer folder beside a secret outside it. */
function builtRenderer() {
  const dir = mkdtempSync(join(tmpdir(), 'airframe-app-scheme-'));
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><script type="module" src="./assets/index.js"></script>',
  );
  writeFileSync(join(root, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'index.css'), 'body{}');
  writeFileSync(join(dir, 'secret.txt'), 'the API key');
  symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'link.js'));
  symlinkSync(dir, join(root, 'up'));
  return root;
}

const get = (serve: (r: Request) => Promise<Response>, url: string, method = 'GET') =>
  serve(new Request(url, { method }));

describe('app://airframe, the renderer', () => {
  it('serves the built page with the CSP as a response header', async () => {
    const serve = serveRenderer(builtRenderer());
    const page = await get(serve, APP_PAGE);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('./assets/index.js');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(csp).toMatch(/(^|; )style-src 'self'(;|$)/);
    expect(csp).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await get(serve, 'app://airframe/')).status).toBe(200);
  });

  it('serves scripts and styles with their types, so module scripts load', async () => {
    const serve = serveRenderer(builtRenderer());
    const script = await get(serve, 'app://airframe/assets/index.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect((await get(serve, 'app://airframe/assets/index.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    const head = await get(serve, 'app://airframe/assets/index.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it.each([
    'app://airframe/..%2fsecret.txt',
    'app://airframe/assets/..%2f..%2fsecret.txt',
    'app://airframe/%2e%2e/secret.txt',
    'app://airframe/..%5csecret.txt',
    'app://airframe/index.html%00.js',
    'app://airframe/assets/link.js',
    'app://airframe/up/secret.txt',
    'app://airframe/assets',
    'app://airframe/missing.js',
    'app://elsewhere/index.html',
  ])('refuses %s: nothing outside the built folder, no links out', async (url) => {
    const answer = await get(serveRenderer(builtRenderer()), url);
    expect(answer.status).toBe(404);
    expect(await answer.text()).not.toContain('API key');
  });

  it('answers a malformed escape with 400 and a write with 405, rather than throwing', async () => {
    const serve = serveRenderer(builtRenderer());
    expect((await get(serve, 'app://airframe/%zz')).status).toBe(400);
    expect((await get(serve, APP_PAGE, 'POST')).status).toBe(405);
  });

  it('knows the app page by scheme, host and path only', () => {
    expect(isAppPageUrl('app://airframe/index.html')).toBe(true);
    expect(isAppPageUrl('app://airframe/index.html?x=1#/library')).toBe(true);
    expect(isAppPageUrl('app://airframe/other.html')).toBe(false);
    expect(isAppPageUrl('app://evil/index.html')).toBe(false);
    expect(isAppPageUrl('file:///opt/Airframe/resources/app/out/renderer/index.html')).toBe(false);
    expect(isAppPageUrl('https://airframe/index.html')).toBe(false);
    expect(isAppPageUrl('')).toBe(false);
  });
});
