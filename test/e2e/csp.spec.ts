import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { defaultRendererDir } from '../../src/host/browserHost';
import { serveRenderer } from '../../src/main/electron/appScheme';
import { test, expect } from './fixtures';

/** Every CSP violation the page reports, recorded from before its first script runs. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      // Only the header can carry frame-ancestors: that tells which policy refused.
      seen.push(
        `${event.effectiveDirective} ${event.blockedURI} by the ${event.originalPolicy.includes('frame-ancestors') ? 'header' : 'meta'} ${event.sourceFile}:${event.lineNumber}`,
      ),
    );
  });
  return async () => [
    ...console,
    ...(await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    )),
  ];
}

test.use({
  librarySeed: { clips: [{ taskId: 'vid_CSPCHECK0001', prompt: 'A kite over the dunes' }] },
});

test('the whole UI runs under the renderer’s CSP (no unsafe-inline) without one violation', async ({
  page,
  live,
}) => {
  const violations = await recordViolations(page);
  await page.goto(live.host.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  // A select opens and changes without an inline <style> (Radix Select injected two): the native
  // list is opened from the keyboard, then a model is chosen.
  const model = page.getByRole('combobox', { name: 'Model' });
  await expect(model).toHaveText(/ — /);
  const values = await model.evaluate((select: HTMLSelectElement) =>
    Array.from(select.options, (o) => o.value),
  );
  const other = values.find((v) => v !== (values[0] ?? '')) ?? '';
  expect(other).not.toBe('');
  await model.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Escape');
  await model.selectOption(other);
  await expect(model).toHaveValue(other);
  await model.selectOption(values[0] ?? '');
  await page.getByRole('textbox', { name: 'Prompt' }).fill('A paper boat drifting on a pond');
  await page.getByRole('button', { name: 'Generate' }).click();
  await nav.getByRole('button', { name: 'Queue' }).click();
  await expect(
    page.getByRole('listitem', { name: 'A paper boat drifting on a pond' }),
  ).toHaveAccessibleDescription('Saved', { timeout: 30_000 });
  // The Notices (F8) strip: the saved clip's toast, reached from the keyboard (Radix Toast).
  await expect(
    page.getByRole('region', { name: 'Notices (F8)' }).getByRole('listitem'),
  ).not.toHaveCount(0);
  await page.keyboard.press('F8');
  await expect(page.getByRole('region', { name: 'Notices (F8)' }).getByRole('list')).toBeFocused();
  // Tab reaches the newest toast, then its Show button.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Show' }).last()).toBeFocused();
  await nav.getByRole('button', { name: 'Library' }).click();
  await page
    .getByRole('list', { name: 'Clips' })
    .getByRole('button', { name: 'A kite over the dunes' })
    .click();
  const player = page
    .getByRole('dialog', { name: 'A kite over the dunes' })
    .getByLabel('Clip player');
  await expect
    .poll(() => player.evaluate((video: HTMLVideoElement) => video.readyState))
    .toBeGreaterThan(0);
  // A tooltip (on a tag's remove button, reached by focus) shows without an inline <style>.
  const dialog = page.getByRole('dialog', { name: 'A kite over the dunes' });
  await dialog.getByLabel('Add tag').fill('dunes');
  await dialog.getByLabel('Add tag').press('Enter');
  await dialog.getByRole('button', { name: 'Remove tag dunes' }).focus();
  await expect(page.getByRole('tooltip')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip')).toBeHidden();
  await expect(dialog).toBeVisible();
  // The clip dialog and its More actions menu open without an inline <style> (Radix's scroll
  // lock injects one; the dialog and menu do without it).
  await page.getByRole('button', { name: 'More actions' }).click();
  await expect(page.getByRole('menuitem', { name: 'Delete…' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await nav.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('app://’s handler sends the CSP as a header, and Chromium enforces it', async ({ page }) => {
  const serve = serveRenderer(defaultRendererDir);
  // Plain HTTP in front of the very handler Electron binds to app://airframe.
  const server: Server = createServer((req, res) => {
    void serve(
      new Request(`app://airframe${req.url ?? '/'}`, { method: req.method ?? 'GET' }),
    ).then(async (answer) => {
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  try {
    const violations = await recordViolations(page);
    const answer = await page.goto(
      `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`,
    );
    expect(answer?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await expect(page).toHaveTitle('Airframe');
    // The app's own script ran and styled the page (no bridge here, so it says it cannot connect).
    await expect(page.locator('#root')).not.toBeEmpty();
    expect(await violations()).toEqual([]);
    // What the CSP is for: injected inline script and style are refused.
    const injected = await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 7px solid red }';
      document.head.append(style);
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.head.append(script);
      return {
        styled: getComputedStyle(document.body).outlineWidth === '7px',
        ran: 'injected' in window,
      };
    });
    expect(injected).toEqual({ styled: false, ran: false });
    await expect
      .poll(async () =>
        (await violations())
          .filter((v) => / inline by the header /.test(v))
          .map((v) => v.split(' ')[0]),
      )
      .toEqual(['style-src-elem', 'script-src-elem']);
  } finally {
    server.close();
  }
});
