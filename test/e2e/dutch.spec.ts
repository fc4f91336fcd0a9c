import { test, expect, expectAccessible } from './fixtures';

// The browser speaks Dutch: the UI follows it under the Language setting's default, System, and
// the page reports its languages to main, which words its notifications in Dutch too.
test.use({ locale: 'nl-NL' });

/** A Dutch medium date with its time, as `formatDateTime` writes it: "2 dec 2026, 09:05". */
const dutchDateTime =
  /\d{1,2} (jan|feb|mrt|apr|mei|jun|jul|aug|sep|okt|nov|dec)\.? \d{4},? \d{2}:\d{2}/;

test('in nl-NL the app opens in Dutch: compose with a budget of 1,50, the queue, the saved clip with a Dutch date and main’s Dutch notice; English at once from Settings', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  for (const name of ['Maken', 'Wachtrij', 'Bibliotheek', 'Instellingen'])
    await expect(nav.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Maken', level: 2 })).toBeVisible();
  const model = page.getByRole('combobox', { name: 'Model' });
  await expect(model).toHaveText(/ — /);
  await expectAccessible(page, 'Compose in Dutch');

  // A budget written the Dutch way, with a decimal comma; shown back the same way.
  await nav.getByRole('button', { name: 'Instellingen' }).click();
  await expect(page.getByRole('heading', { name: 'Instellingen', level: 2 })).toBeVisible();
  const budget = page.getByRole('textbox', { name: 'Dagbudget (USD)' });
  await budget.fill('1,50');
  await page.getByRole('button', { name: 'Budget opslaan' }).click();
  await expect(page.getByRole('textbox', { name: 'Dagbudget (USD)' })).toHaveValue('1,50');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectAccessible(page, 'Settings in Dutch');

  const prompt = 'Een papieren bootje op een vijver';
  await nav.getByRole('button', { name: 'Maken' }).click();
  await page.getByRole('textbox', { name: 'Prompt' }).fill(prompt);
  await page.getByRole('button', { name: 'Genereren' }).click();

  await nav.getByRole('button', { name: 'Wachtrij' }).click();
  await expect(page.getByRole('heading', { name: 'Wachtrij', level: 2 })).toBeVisible();
  const row = page.getByRole('list', { name: 'Taken' }).getByRole('listitem', { name: prompt });
  await expect(row).toHaveAccessibleDescription('Bewaard', { timeout: 30_000 });
  await expect(page.getByRole('combobox', { name: 'Filteren op status' })).toBeVisible();

  // Main's notification, in Dutch: it heard the page's languages.
  const notices = page.getByRole('region', { name: 'Meldingen (F8)' });
  await expect(notices).toContainText('Clip klaar');
  await expect(notices.getByRole('button', { name: 'Tonen' }).first()).toBeVisible();
  await expectAccessible(page, 'the queue in Dutch with a saved clip and its notice');

  await nav.getByRole('button', { name: 'Bibliotheek' }).click();
  const card = page.getByRole('list', { name: 'Clips' }).getByRole('listitem');
  await expect(card).toHaveCount(1);
  await expect(card).toContainText(prompt);
  await expect(card).toContainText(dutchDateTime);
  await expectAccessible(page, 'the library in Dutch');

  // English, at once: no reload.
  await nav.getByRole('button', { name: 'Instellingen' }).click();
  await page
    .getByRole('group', { name: 'Taal' })
    .getByRole('radio', { name: 'English', exact: true })
    .click();
  const english = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Compose', 'Queue', 'Library', 'Settings'])
    await expect(english.getByRole('button', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('textbox', { name: 'Daily budget (USD)' })).toHaveValue('1.50');
  await expect(page.getByRole('region', { name: 'Notices (F8)' })).toBeAttached();
});
