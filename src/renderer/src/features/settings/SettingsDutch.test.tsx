import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import {
  defaultSettings,
  type SettingsPatch,
  type SettingsView,
} from '../../../../shared/settings';
import { i18n } from '../../i18n';
import {
  connectBackend,
  createFakeBackend,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { Shell } from '../shell';
import { Settings } from './Settings';
import { useSettingsStore } from './settingsStore';

setupRendererTests();
afterEach(() => i18n.changeLanguage('en'));

function setup(initial: Partial<SettingsView>) {
  let view: SettingsView = {
    settings: { ...defaultSettings, demo: false, language: 'nl', dailyBudgetCents: 1250 },
    hasApiKey: true,
    keyStorage: 'os-encrypted',
    secureStorageAvailable: true,
    ...initial,
  };
  const fake = createFakeBackend({
    'settings.get': () => view,
    'settings.update': (patch: SettingsPatch) =>
      (view = { ...view, settings: { ...view.settings, ...patch } }),
    'ledger.totals': () => ({
      todayCents: 320,
      monthCents: 4_500,
      totalCents: 12_000,
      refundsCents: 640,
      todayRefundsCents: 0,
      demoCents: 150,
    }),
  });
  connectBackend(fake);
  render(<Shell />);
  return { fake, user: userEvent.setup() };
}

describe('Settings in Dutch (issue 14)', () => {
  it('speaks Dutch: amounts in Dutch, the budget with a decimal comma, the key’s storage', async () => {
    await i18n.changeLanguage('nl');
    const { fake, user } = setup({});
    await user.click(await screen.findByRole('button', { name: 'Instellingen' }));
    expect(await screen.findByRole('heading', { name: 'Instellingen', level: 2 })).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByLabelText('Uitgaven').textContent?.replaceAll('\u00a0', ' ')).toBe(
        'VandaagUS$ 3,20Deze maandUS$ 45,00AltijdUS$ 120,00Vandaag terugbetaaldUS$ 0,00In totaal terugbetaaldUS$ 6,40In de demo (gratis)US$ 1,50',
      ),
    );
    expect(screen.getByText('Sleutel opgeslagen')).toBeTruthy();
    expect(
      screen.getByText(
        'Hij is versleuteld door de sleutelopslag van je systeem; hij wordt nooit meer getoond.',
      ),
    ).toBeTruthy();
    const theme = screen.getByRole('radiogroup', { name: 'Thema' });
    expect(
      within(theme)
        .getAllByRole('radio')
        .map((r) => r.parentElement?.textContent),
    ).toEqual(['Systeem', 'Licht', 'Donker']);

    const budget = screen.getByLabelText<HTMLInputElement>('Dagbudget (USD)');
    expect(budget.value).toBe('12,50');
    await user.clear(budget);
    await user.type(budget, '1.500,00');
    await user.click(screen.getByRole('button', { name: 'Budget opslaan' }));
    expect(screen.getByRole('alert').textContent).toMatch(/^Voer een bedrag in dollars in/);
    await user.clear(budget);
    await user.type(budget, '1,50');
    await user.click(screen.getByRole('button', { name: 'Budget opslaan' }));
    await waitFor(() =>
      expect(fake.callsOf('settings.update')).toEqual([{ dailyBudgetCents: 150 }]),
    );
    await waitFor(() =>
      expect(screen.getByLabelText<HTMLInputElement>('Dagbudget (USD)').value).toBe('1,50'),
    );
  });

  it('writes the budget the English way once the language is English', async () => {
    await i18n.changeLanguage('nl');
    const { user } = setup({});
    await user.click(await screen.findByRole('button', { name: 'Instellingen' }));
    expect((await screen.findByLabelText<HTMLInputElement>('Dagbudget (USD)')).value).toBe('12,50');
    await user.click(screen.getByRole('radio', { name: 'English' }));
    expect((await screen.findByLabelText<HTMLInputElement>('Daily budget (USD)')).value).toBe(
      '12.50',
    );
  });

  it('says in Dutch why an API base is refused', async () => {
    await i18n.changeLanguage('nl');
    const { user } = setup({});
    await user.click(await screen.findByRole('button', { name: 'Instellingen' }));
    const base = await screen.findByLabelText('Basis-URL van de API');
    await user.clear(base);
    await user.type(base, 'http://api.example.com');
    await user.click(screen.getByRole('button', { name: 'URL opslaan' }));
    expect(screen.getByRole('alert').textContent).toBe(
      'Gewoon http:// mag alleen voor deze computer (localhost, 127.0.0.1, ::1): de sleutel zou onversleuteld over het netwerk gaan. Gebruik in plaats daarvan https://api.example.com.',
    );
  });

  it('says in Dutch that the settings could not be loaded, with main’s reason', async () => {
    await i18n.changeLanguage('nl');
    useSettingsStore.setState({ view: null, error: 'De database is vergrendeld.' });
    render(<Settings />);
    expect(screen.getByRole('alert').textContent).toBe(
      'De instellingen konden niet worden geladen: De database is vergrendeld.',
    );
  });

  it('greets a first run in Dutch', async () => {
    await i18n.changeLanguage('nl');
    setup({ hasApiKey: false, keyStorage: 'none' });
    expect(await screen.findByRole('heading', { name: 'Welkom bij Airframe' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Demo starten' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sleutel opslaan' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(screen.getByText('Typ eerst een sleutel.')).toBeTruthy();
  });
});
