import { test, expect, expectAccessible } from './fixtures';

test.use({ keySaved: false });

test('the saved key appears nowhere in the page, its storage, its globals, nor anything the host sends it', async ({
  page,
  live,
}) => {
  const key = live.sim.apiKey;
  const secret = key.replace(/^sk-air-sim-/, '');
  const received: string[] = [];
  const sent: string[] = [];
  page.on('websocket', (ws) => {
    ws.on('framereceived', (frame) => received.push(String(frame.payload)));
    ws.on('framesent', (frame) => sent.push(String(frame.payload)));
  });
  const responses: Promise<string>[] = [];
  page.on('response', (response) => {
    if (/^(text\/|application\/(json|javascript))/.test(response.headers()['content-type'] ?? '')) {
      responses.push(response.text().catch(() => ''));
    }
  });

  await page.goto(live.host.url);
  await page.getByLabel('API key', { exact: true }).fill(key);
  await page.getByRole('button', { name: 'Save key' }).click();
  await expect(page.getByRole('heading', { name: 'Compose', level: 2 })).toBeVisible();

  // A clip made with the key: settings, jobs, ledger and library events all reach the page.
  const prompt = 'A hot-air balloon rising over vineyards';
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('button', { name: 'Generate' }).click();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('button', { name: 'Queue' }).click();
  await expect(page.getByRole('listitem', { name: prompt })).toHaveAccessibleDescription('Saved', {
    timeout: 30_000,
  });
  expect(live.sim.log.some((entry) => entry.key === key)).toBe(true);

  await nav.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Key saved' })).toContainText(
    'it is never shown again',
  );
  await expect(page.getByRole('button', { name: 'Replace key' })).toBeVisible();
  await expectAccessible(page, 'Settings with a saved key');

  const places: Record<string, string> = {
    dom: await page.content(),
    fieldValues: await page.evaluate(() =>
      JSON.stringify(
        Array.from(
          document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'),
          (field) => field.value,
        ),
      ),
    ),
    localStorage: await page.evaluate(() => JSON.stringify(Object.entries(localStorage))),
    sessionStorage: await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage))),
    globals: await page.evaluate(() => {
      const values: string[] = [];
      for (const name of Object.keys(window)) {
        try {
          values.push(
            `${name}=${JSON.stringify((window as unknown as Record<string, unknown>)[name])}`,
          );
        } catch {
          // Not serializable (a DOM node, a cycle): nothing a script could read the key from as text.
        }
      }
      return values.join('\n');
    }),
    cookies: JSON.stringify(await page.context().cookies()),
    httpResponses: (await Promise.all(responses)).join('\n'),
  };
  for (const [place, text] of Object.entries(places)) {
    expect(text, `the key in ${place}`).not.toContain(key);
    expect(text, `the key's secret part in ${place}`).not.toContain(secret);
  }
  expect(received.length).toBeGreaterThan(10);
  expect(received.some((frame) => frame.includes('"settings.changed"'))).toBe(true);
  for (const frame of received)
    expect(frame, 'a WebSocket message to the page').not.toContain(secret);

  // The capture sees the key where it rightly is: the one message that saved it, from the page.
  expect(sent.filter((frame) => frame.includes(key))).toEqual([
    expect.stringContaining('"settings.setApiKey"'),
  ]);
});
