import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/settings';
import { i18n } from '../../i18n';
import {
  connectBackend,
  createFakeBackend,
  engineIdle,
  makeJob,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { renderWithStores } from '../../testSupport/renderWithStores';
import { Queue } from './Queue';

setupRendererTests();

const jobs = [
  makeJob(
    'r1',
    { status: 'running', progress: 35, taskId: 'vid_1', startedAt: Date.now() - 5_000 },
    { prompt: 'Een vos in de sneeuw' },
  ),
  makeJob('h1', { status: 'held', holdReason: 'budget', costCents: 320 }, { prompt: 'Duur 1' }),
  makeJob('h2', { status: 'held', holdReason: 'budget', costCents: 320 }, { prompt: 'Duur 2' }),
  makeJob(
    'f1',
    {
      status: 'failed',
      taskId: 'vid_2',
      costCents: 250,
      refunded: true,
      error: { kind: 'content_policy', message: 'Prompt geweigerd' },
    },
    { prompt: 'Geweigerd' },
  ),
];

function setup(language: 'system' | 'nl') {
  const fake = createFakeBackend({
    'settings.get': () => ({
      settings: { ...defaultSettings, dailyBudgetCents: 300, language },
      hasApiKey: true,
      keyStorage: 'os-encrypted',
      secureStorageAvailable: true,
    }),
    'jobs.list': () => ({ jobs, state: engineIdle }),
    'ledger.totals': () => ({
      todayCents: 250,
      monthCents: 250,
      totalCents: 250,
      refundsCents: 0,
      todayRefundsCents: 0,
      demoCents: 0,
    }),
  });
  connectBackend(fake);
  renderWithStores(<Queue />);
}

const row = async (prompt: string) =>
  (await screen.findByText(prompt)).closest('li') as HTMLElement;

describe('the queue in Dutch (issue 14)', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('shows a running, a held and a failed job, the plural banner and amounts in Dutch', async () => {
    // The settings say Dutch: the app switches when they load.
    setup('nl');
    const running = await row('Een vos in de sneeuw');
    expect(within(running).getByText('Genereren')).toBeTruthy();
    expect(within(running).getByText(/Genereren 35% · 0:0\d verstreken/)).toBeTruthy();

    const held = await row('Duur 1');
    expect(within(held).getByText('In de wacht: het dagbudget is bereikt')).toBeTruthy();
    expect(within(held).getByText(/^ca\. US\$\s3,20$/)).toBeTruthy();
    expect(within(held).getByRole('button', { name: 'Toch uitvoeren' })).toBeTruthy();
    expect(within(held).getByRole('button', { name: 'Annuleren' })).toBeTruthy();

    expect(
      await screen.findByText(
        /^2 taken staan in de wacht: met de uitgaven van vandaag \(US\$\s2,50\) zouden die het dagbudget van US\$\s3,00 overschrijden\./,
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Toch uitvoeren (2)' })).toBeTruthy();

    const failed = await row('Geweigerd');
    expect(within(failed).getByText('Mislukt')).toBeTruthy();
    expect(within(failed).getByText('Prompt geweigerd. De kosten zijn terugbetaald.')).toBeTruthy();
    expect(within(failed).getByText('terugbetaald')).toBeTruthy();
    expect(within(failed).getByRole('button', { name: 'Opnieuw proberen' })).toBeTruthy();
    expect(screen.getByText('4 van 4 taken · 0 van 4 bezig op de server')).toBeTruthy();
  });

  it('follows a change of language while shown', async () => {
    setup('system');
    const held = await row('Duur 2');
    expect(within(held).getByText('Held: the daily budget is reached')).toBeTruthy();
    await act(() => i18n.changeLanguage('nl'));
    expect(within(held).getByText('In de wacht: het dagbudget is bereikt')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Wachtrij pauzeren' })).toBeTruthy();
  });
});
