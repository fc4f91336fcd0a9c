import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from './fixtures';
import { dropPngs, pastePngs, pngSize } from './images';

async function waitForSaved(page: Page, prompt: string) {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Queue' })
    .click();
  await expect(page.getByRole('listitem', { name: prompt })).toHaveAccessibleDescription('Saved', {
    timeout: 30_000,
  });
}

test.describe('with a key saved on first run', () => {
  test.use({ keySaved: false });

  test('a wrong key is refused with the API’s reason; a dropped 4:3 first frame is cropped to 16:9 and its clip saved', async ({
    page,
    live,
  }) => {
    await page.goto(live.host.url);
    await expect(page.getByRole('heading', { name: 'Welcome to Airframe' })).toBeVisible();
    await expectAccessible(page, 'the welcome screen');
    const keyField = page.getByLabel('API key', { exact: true });
    const saveKey = page.getByRole('button', { name: 'Save key' });

    await keyField.fill('sk-air-not-a-real-key-000');
    await saveKey.click();
    await expect(page.getByRole('alert')).toHaveText(
      'The key was not saved: Invalid API key (HTTP 401)',
    );
    await expect(page.getByRole('heading', { name: 'Welcome to Airframe' })).toBeVisible();
    await expectAccessible(page, 'the welcome screen with a refused key');

    await keyField.fill(live.sim.apiKey);
    await saveKey.click();
    await expect(page.getByRole('heading', { name: 'Compose', level: 2 })).toBeVisible();
    await expect(page.getByLabel('App version')).toHaveText(/ · live · browser$/);

    await page.getByRole('combobox', { name: 'Model' }).selectOption('wan-2.6');
    await page.getByRole('tab', { name: 'Image' }).click();
    await expect(page.getByRole('tab', { name: 'Image' })).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('radio', { name: '16:9' }).check();
    const prompt = 'The lighthouse keeper waves from the gallery';
    await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);

    await dropPngs(page, page.getByRole('group', { name: 'Image drop zone' }), [
      { name: 'keeper.png', width: 640, height: 480, colour: '#204060' },
    ]);
    const crop = page.getByRole('dialog', { name: 'Make the image 16:9' });
    await expect(crop).toContainText('keeper.png is 640×480 (4:3); the video will be 16:9.');
    await expect(crop.getByRole('img', { name: 'Preview: cropped to 16:9' })).toBeVisible();
    await expectAccessible(page, 'the crop dialog');
    await crop.getByRole('button', { name: 'Crop to 16:9' }).click();
    await expect(crop).toBeHidden();

    const images = page.getByRole('list', { name: 'Input images' });
    await expect(images.getByRole('listitem')).toHaveCount(1);
    await expect(images.getByRole('listitem')).toContainText('640×360 (16:9)');
    await expect(page.getByRole('list', { name: 'Why Generate is not available' })).toBeHidden();
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect(page.getByText('Added a job to the queue.')).toBeVisible();

    await waitForSaved(page, prompt);
    const [task, ...others] = live.sim.tasks();
    expect(others).toHaveLength(0);
    expect(task).toMatchObject({
      prompt,
      mode: 'image',
      inputImageCount: 1,
      aspectRatio: '16:9',
      status: 'completed',
    });
    // What was sent is the cropped frame: the library keeps it next to the clip.
    const sent = readdirSync(live.libraryFolder).filter((name) => name.endsWith('.input-1.png'));
    expect(sent).toHaveLength(1);
    expect(pngSize(join(live.libraryFolder, sent[0] ?? ''))).toEqual({ width: 640, height: 360 });
  });
});

test('reference mode sends two pasted frames and saves the clip', async ({ page, live }) => {
  await page.goto(live.host.url);
  await page.getByRole('combobox', { name: 'Model' }).selectOption('wan-2.6');
  await page.getByRole('tab', { name: 'Reference' }).click();
  const prompt = 'A harbour at night in the style of these frames';
  const promptField = page.getByRole('textbox', { name: 'Prompt' });
  await promptField.fill(prompt);
  await promptField.focus();

  await pastePngs(page, [{ name: 'frame-blue.png', width: 320, height: 180, colour: '#1040a0' }]);
  await pastePngs(page, [{ name: 'frame-amber.png', width: 320, height: 180, colour: '#c08020' }]);
  const images = page.getByRole('list', { name: 'Input images' });
  await expect(images.getByRole('listitem')).toHaveCount(2);
  await expect(images.getByRole('img', { name: 'Image 1: frame-blue.png' })).toBeVisible();
  await expect(images.getByRole('img', { name: 'Image 2: frame-amber.png' })).toBeVisible();
  // The paste became images, not text in the prompt.
  await expect(promptField).toHaveValue(prompt);

  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByText('Added a job to the queue.')).toBeVisible();
  await waitForSaved(page, prompt);
  await expect(page.getByRole('listitem', { name: prompt })).toContainText(
    'reference mode · 2 images',
  );

  expect(live.sim.tasks()).toEqual([
    expect.objectContaining({ prompt, mode: 'reference', inputImageCount: 2, status: 'completed' }),
  ]);

  // Remixed, the clip's frames come back by reference: shown from the library's media route.
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Library' })
    .click();
  await page.getByRole('button', { name: new RegExp(prompt) }).click();
  await page.getByRole('button', { name: 'Remix' }).click();
  await expect(page.getByRole('heading', { name: 'Compose', level: 2 })).toBeVisible();
  const remixed = images.getByRole('img', { name: /^Image 2: .+\.input-2\.png$/ });
  await expect(remixed).toHaveAttribute('src', /^\/media\/[^/]+\/input-1$/);
  await expect.poll(() => remixed.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect(page.getByText('Added a job to the queue.')).toBeVisible();
  await expect.poll(() => live.sim.tasks().length, { timeout: 30_000 }).toBe(2);
  expect(live.sim.tasks()[1]).toMatchObject({ prompt, mode: 'reference', inputImageCount: 2 });
});
