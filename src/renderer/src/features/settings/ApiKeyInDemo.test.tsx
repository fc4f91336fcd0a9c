import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  type SettingsPatch,
  type SettingsView,
} from '../../../../shared/settings';
import {
  connectBackend,
  createFakeBackend,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { Shell } from '../shell';

setupRendererTests();

describe('a real key saved while the demo is on (issue 14)', () => {
  it('says the demo stays on until left, and offers to leave it', async () => {
    let view: SettingsView = {
      settings: { ...defaultSettings, demo: true },
      hasApiKey: false,
      keyStorage: 'none',
      secureStorageAvailable: true,
    };
    const fake = createFakeBackend({
      'settings.get': () => view,
      'settings.update': (patch: SettingsPatch) =>
        (view = { ...view, settings: { ...view.settings, ...patch } }),
      'settings.setApiKey': () => (view = { ...view, hasApiKey: true, keyStorage: 'os-encrypted' }),
    });
    connectBackend(fake);
    render(<Shell />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    await user.type(await screen.findByLabelText('API key'), 'sk-air-real-key');
    await user.click(screen.getByRole('button', { name: 'Save key' }));

    expect(await screen.findByText(/The demo is still on/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Leave the demo' }));
    await waitFor(() => expect(fake.callsOf('settings.update')).toEqual([{ demo: false }]));
    await waitFor(() => expect(screen.queryByText(/The demo is still on/)).toBeNull());
  });
});
