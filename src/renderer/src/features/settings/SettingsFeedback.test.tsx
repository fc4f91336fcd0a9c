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
  connectBackend,
  createFakeBackend,
  demoView,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { Shell } from '../shell';

setupRendererTests();

/** Settings of an app with `view`; `settings.update` waits for `finish()` when `hold` is set. */
function setup(initial: SettingsView, hold = false) {
  let view = initial;
  let finish = () => {};
  const fake = createFakeBackend({
    'settings.get': () => view,
    'settings.update': (patch: SettingsPatch) => {
      view = { ...view, settings: { ...view.settings, ...patch } };
      if (!hold) return view;
      const answer = view;
      return new Promise<SettingsView>((resolve) => (finish = () => resolve(answer)));
    },
    'settings.setApiKey': () => {
      throw new UserError('invalid-request', 'The key was not saved: Invalid API key (HTTP 401)');
    },
    'settings.clearApiKey': () => (view = { ...view, hasApiKey: false, keyStorage: 'none' }),
  });
  connectBackend(fake);
  render(<Shell />);
  const user = userEvent.setup();
  return { fake, user, finish: () => finish() };
}

const noKey: SettingsView = { ...demoView, settings: { ...defaultSettings, demo: false } };
const openSettings = async (user: ReturnType<typeof userEvent.setup>) =>
  user.click(await screen.findByRole('button', { name: 'Settings' }));

describe('settings feedback (issue 14, stumble 11)', () => {
  it('clears a field’s error as soon as its value changes', async () => {
    const { user } = setup(demoView);
    await openSettings(user);
    const budget = await screen.findByLabelText('Daily budget (USD)');
    await user.type(budget, 'lots');
    await user.click(screen.getByRole('button', { name: 'Save budget' }));
    expect(screen.getByText(/Enter an amount in dollars/)).toBeTruthy();
    await user.type(budget, '{Backspace}');
    expect(screen.queryByText(/Enter an amount in dollars/)).toBeNull();

    const base = screen.getByLabelText('API base URL');
    await user.clear(base);
    await user.type(base, 'not a url');
    await user.click(screen.getByRole('button', { name: 'Save URL' }));
    expect(screen.getByText(/Enter a web address/)).toBeTruthy();
    await user.type(base, 'x');
    expect(screen.queryByText(/Enter a web address/)).toBeNull();

    const key = screen.getByLabelText('API key');
    await user.type(key, 'sk-air-wrong-key');
    await user.click(screen.getByRole('button', { name: 'Save key' }));
    expect(await screen.findByText(/Invalid API key/)).toBeTruthy();
    await user.type(key, '2');
    expect(screen.queryByText(/Invalid API key/)).toBeNull();
  });

  it('says why Save key is not available yet', async () => {
    const { user } = setup(demoView);
    await openSettings(user);
    const save = await screen.findByRole('button', { name: 'Save key' });
    expect(save.hasAttribute('disabled')).toBe(true);
    expect(save.getAttribute('aria-describedby')).toBeTruthy();
    const why = () => document.getElementById(save.getAttribute('aria-describedby') ?? '');
    expect(why()?.textContent).toBe('Type a key first.');
    await user.type(screen.getByLabelText('API key'), 'sk-a');
    expect(why()?.textContent).toBe('A key has at least 8 characters.');
    await user.type(screen.getByLabelText('API key'), 'ir-long-enough');
    expect(save.hasAttribute('disabled')).toBe(false);
    expect(why()).toBeNull();
  });

  it('dismisses the inline remove confirmation with Escape, keeping the key', async () => {
    const { fake, user } = setup({ ...demoView, hasApiKey: true, keyStorage: 'os-encrypted' });
    await openSettings(user);
    await user.click(await screen.findByRole('button', { name: 'Remove key' }));
    expect(screen.getByRole('group', { name: 'Remove the key' })).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Remove the key' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove key' }));
    expect(fake.callsOf('settings.clearApiKey')).toEqual([]);
    expect(screen.getByText('Key saved')).toBeTruthy();
  });

  it('shows that the demo is starting while the switch waits for main', async () => {
    const { user, finish } = setup(noKey, true);
    await openSettings(user);
    const demo = await screen.findByRole('switch', { name: 'Demo mode' });
    await user.click(demo);
    expect(await screen.findByText('Starting the demo…')).toBeTruthy();
    expect(demo.hasAttribute('disabled')).toBe(true);
    expect(demo.getAttribute('aria-busy')).toBe('true');
    finish();
    await waitFor(() => expect(screen.queryByText('Starting the demo…')).toBeNull());
    expect(demo.hasAttribute('disabled')).toBe(false);
    expect(screen.getByText('The demo is on.')).toBeTruthy();
  });
});
