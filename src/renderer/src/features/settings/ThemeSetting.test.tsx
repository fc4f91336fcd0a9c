import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { SettingsPatch, SettingsView } from '../../../../shared/settings';
import {
  connectBackend,
  createFakeBackend,
  demoView,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { Shell } from '../shell';

setupRendererTests();
afterEach(() => document.documentElement.removeAttribute('data-theme'));

function setup(initial: SettingsView) {
  let view = initial;
  const fake = createFakeBackend({
    'settings.get': () => view,
    'settings.update': (patch: SettingsPatch) =>
      (view = { ...view, settings: { ...view.settings, ...patch } }),
  });
  connectBackend(fake);
  render(<Shell />);
  return { fake, user: userEvent.setup() };
}

const theme = () => document.documentElement.dataset['theme'];

describe('the Theme setting', () => {
  it('follows the system until Dark is chosen, then pins the dark scheme and saves it', async () => {
    const { fake, user } = setup(demoView);
    await waitFor(() => expect(theme()).toBe('system'));
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const group = await screen.findByRole('radiogroup', { name: 'Theme' });
    expect(screen.getByRole('radio', { name: 'System' })).toHaveProperty('checked', true);
    expect(group.textContent).toBe('SystemLightDark');

    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(fake.callsOf('settings.update')).toEqual([{ theme: 'dark' }]);
    await waitFor(() => expect(theme()).toBe('dark'));
    expect(screen.getByRole('radio', { name: 'Dark' })).toHaveProperty('checked', true);
  });

  it('applies a saved Light theme on start, on every screen', async () => {
    setup({ ...demoView, settings: { ...demoView.settings, theme: 'light' } });
    await waitFor(() => expect(theme()).toBe('light'));
    expect(await screen.findByRole('heading', { name: 'Compose', level: 2 })).toBeTruthy();
  });
});
