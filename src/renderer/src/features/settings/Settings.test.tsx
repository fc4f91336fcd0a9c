import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../../shared/contract/result';
import {
  defaultSettings,
  type SettingsPatch,
  type SettingsView,
} from '../../../../shared/settings';
import {
  createFakeBackend,
  setupRendererTests,
  connectBackend,
} from '../../testSupport/fakeBackend';
import { Shell } from '../shell';

setupRendererTests();

/** Main's answer to an update; `changed` stands in for what main adds (a forgotten key). */
function setup(
  initial: SettingsView,
  changed: (view: SettingsView, patch: SettingsPatch) => SettingsView = (view) => view,
  host: 'electron' | 'browser' = 'browser',
) {
  let view = initial;
  const fake = createFakeBackend({
    'app.info': () => ({
      name: 'Airframe',
      version: '1.2.3',
      demo: view.settings.demo,
      host,
      mediaBase: host === 'browser' ? '/media' : 'clip://media',
    }),
    'settings.get': () => view,
    'settings.update': (patch: SettingsPatch) =>
      (view = changed({ ...view, settings: { ...view.settings, ...patch } }, patch)),
    'settings.setApiKey': ({ apiKey, sessionOnly }) => {
      if (apiKey !== 'sk-air-good-key')
        throw new UserError(
          'invalid-request',
          'The key was not saved: 401 Unauthorized — Invalid API key',
        );
      return (view = {
        ...view,
        hasApiKey: true,
        keyStorage: sessionOnly ? 'session-only' : 'os-encrypted',
      });
    },
    'settings.clearApiKey': () => (view = { ...view, hasApiKey: false, keyStorage: 'none' }),
    'ledger.totals': () => ({
      todayCents: 320,
      monthCents: 4_500,
      totalCents: 12_000,
      refundsCents: 640,
      todayRefundsCents: 0,
      demoCents: 0,
    }),
  });
  connectBackend(fake);
  render(<Shell />);
  return { fake, user: userEvent.setup() };
}

const fresh: SettingsView = {
  settings: defaultSettings,
  hasApiKey: false,
  keyStorage: 'none',
  secureStorageAvailable: true,
};

describe('first run and settings', () => {
  it('offers a key or the demo when there is neither', async () => {
    const { fake, user } = setup(fresh);
    expect(await screen.findByRole('heading', { name: 'Welcome to Airframe' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Start the demo' }));
    expect(fake.callsOf('settings.update')).toEqual([{ demo: true }]);
    expect(await screen.findByRole('heading', { name: 'Compose', level: 2 })).toBeTruthy();
  });

  it('shows the API’s reason for refusing a key, and never shows a saved key', async () => {
    const { fake, user } = setup(fresh);
    const field = await screen.findByLabelText('API key');
    await user.type(field, 'sk-air-wrong-key');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The key was not saved: 401 Unauthorized — Invalid API key',
    );
    await user.clear(field);
    await user.type(field, 'sk-air-good-key');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    expect(await screen.findByRole('heading', { name: 'Compose', level: 2 })).toBeTruthy();
    expect(fake.callsOf('settings.setApiKey')).toEqual([
      { apiKey: 'sk-air-wrong-key', sessionOnly: false },
      { apiKey: 'sk-air-good-key', sessionOnly: false },
    ]);
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    expect(await screen.findByText('Key saved')).toBeTruthy();
    expect(screen.getByText(/encrypted by your system’s key store/)).toBeTruthy();
    expect(document.body.innerHTML).not.toContain('sk-air-good-key');
  });

  it('offers to keep the key for the session only where the system has no key store', async () => {
    const { fake, user } = setup({ ...fresh, secureStorageAvailable: false });
    expect(await screen.findByText(/No secure key store is available here/)).toBeTruthy();
    const sessionOnly = screen.getByRole<HTMLInputElement>('checkbox', {
      name: 'Keep the key for this session only',
    });
    expect(sessionOnly.checked).toBe(false);
    await user.click(sessionOnly);
    await user.type(screen.getByLabelText('API key'), 'sk-air-good-key');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    await waitFor(() =>
      expect(fake.callsOf('settings.setApiKey')).toEqual([
        { apiKey: 'sk-air-good-key', sessionOnly: true },
      ]),
    );
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    expect(await screen.findByText(/kept for this session only/)).toBeTruthy();
  });

  it('replaces or removes the key', async () => {
    const { fake, user } = setup({
      ...fresh,
      settings: { ...defaultSettings, demo: true },
      hasApiKey: true,
      keyStorage: 'os-encrypted',
    });
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    await user.click(await screen.findByRole('button', { name: 'Replace key' }));
    expect(screen.getByLabelText('New API key')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Remove key' }));
    await user.click(screen.getByRole('button', { name: 'Yes, remove key' }));
    await waitFor(() => expect(fake.callsOf('settings.clearApiKey')).toHaveLength(1));
    expect(await screen.findByLabelText('API key')).toBeTruthy();
    expect(screen.queryByText('Key saved')).toBeNull();
  });

  it('changes the settings and shows the spending', async () => {
    const { fake, user } = setup(
      { ...fresh, settings: { ...defaultSettings, demo: true } },
      undefined,
      'electron',
    );
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    await screen.findByRole('switch', { name: 'Keep working in the background' });
    await user.selectOptions(await screen.findByLabelText('Concurrent tasks'), '2');
    await user.click(screen.getByRole('switch', { name: 'Notifications' }));
    const sound = screen.getByRole('switch', { name: 'Sound when the queue or a batch is done' });
    expect((sound as HTMLInputElement).checked).toBe(false);
    await user.click(sound);
    await user.click(screen.getByRole('switch', { name: 'Keep working in the background' }));
    await user.type(screen.getByLabelText('Daily budget (USD)'), '12.50');
    await user.click(screen.getByRole('button', { name: 'Save budget' }));
    const base = screen.getByLabelText('API base URL');
    await user.clear(base);
    await user.type(base, 'not a url');
    await user.click(screen.getByRole('button', { name: 'Save URL' }));
    expect(screen.getByText(/Enter a web address/)).toBeTruthy();
    await user.clear(base);
    await user.type(base, 'http://127.0.0.1:9999/');
    await user.click(screen.getByRole('button', { name: 'Save URL' }));
    await waitFor(() =>
      expect(fake.callsOf('settings.update')).toEqual([
        { concurrency: 2 },
        { notifications: false },
        { drainSound: true },
        { runInBackground: false },
        { dailyBudgetCents: 1250 },
        { apiBase: 'http://127.0.0.1:9999' },
      ]),
    );
    expect(screen.getByLabelText('Spending').textContent).toBe(
      'Today$3.20This month$45.00All time$120.00Refunded today$0.00Refunded in all$6.40',
    );
  });

  it('refuses plain http to another machine, saying why, and accepts it on this computer', async () => {
    const { fake, user } = setup({ ...fresh, settings: { ...defaultSettings, demo: true } });
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const base = await screen.findByLabelText('API base URL');
    await user.clear(base);
    await user.type(base, 'http://api.example.com');
    await user.click(screen.getByRole('button', { name: 'Save URL' }));
    expect(screen.getByRole('alert').textContent).toMatch(
      /only for this computer.*Use https:\/\/api\.example\.com instead/,
    );
    expect(fake.callsOf('settings.update')).toEqual([]);
    await user.clear(base);
    await user.type(base, 'http://localhost:8787');
    await user.click(screen.getByRole('button', { name: 'Save URL' }));
    await waitFor(() =>
      expect(fake.callsOf('settings.update')).toEqual([{ apiBase: 'http://localhost:8787' }]),
    );
  });

  it('warns that another address forgets the key, then says why it was forgotten', async () => {
    const forgotten = (view: SettingsView, patch: SettingsPatch): SettingsView =>
      patch.apiBase === undefined
        ? view
        : {
            ...view,
            hasApiKey: false,
            keyStorage: 'none',
            apiKeyNotice: `The API key was forgotten because the API base changed to ${new URL(patch.apiBase).origin}: enter it again.`,
          };
    const { user } = setup(
      {
        ...fresh,
        settings: { ...defaultSettings, demo: true },
        hasApiKey: true,
        keyStorage: 'os-encrypted',
      },
      forgotten,
    );
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const base = await screen.findByLabelText('API base URL');
    await user.clear(base);
    await user.type(base, 'https://gateway.example/airforce');
    expect(screen.getByText(/saving another address forgets it/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save URL' }));
    const notice = await screen.findByText(
      'The API key was forgotten because the API base changed to https://gateway.example: enter it again.',
    );
    expect(notice.getAttribute('role')).toBe('status');
    expect(screen.getByLabelText('API key')).toBeTruthy();
    expect(screen.queryByText('Key saved')).toBeNull();
  });

  it('takes a budget written with a decimal comma, and refuses one that reads two ways', async () => {
    const { fake, user } = setup({ ...fresh, settings: { ...defaultSettings, demo: true } });
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const budget = await screen.findByLabelText('Daily budget (USD)');
    await user.type(budget, '1.500,00');
    await user.click(screen.getByRole('button', { name: 'Save budget' }));
    expect(screen.getByRole('alert').textContent).toMatch(/no thousands separators/);
    await user.clear(budget);
    await user.type(budget, '1,50');
    await user.click(screen.getByRole('button', { name: 'Save budget' }));
    await waitFor(() =>
      expect(fake.callsOf('settings.update')).toEqual([{ dailyBudgetCents: 150 }]),
    );
  });

  it('offers the tray only where there is one: not in the browser host', async () => {
    const { user } = setup({ ...fresh, settings: { ...defaultSettings, demo: true } });
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    expect((await screen.findByLabelText('App version')).textContent).toMatch(/ · browser$/);
    expect(screen.getByRole('switch', { name: 'Notifications' })).toBeTruthy();
    expect(screen.queryByRole('switch', { name: 'Keep working in the background' })).toBeNull();
    expect(screen.queryByText(/keeps Airframe in the tray/)).toBeNull();
  });
});
