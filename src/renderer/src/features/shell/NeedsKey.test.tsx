import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type SettingsView } from '../../../../shared/settings';
import {
  connectBackend,
  createFakeBackend,
  demoView,
  engineIdle,
  makeJob,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { Shell } from './Shell';

setupRendererTests();

const noKey: SettingsView = { ...demoView, settings: { ...defaultSettings, demo: false } };

// The demo switched off with a job waiting: main pauses the queue and, with no key, lists no
// models (it has nobody to ask).
function demoLeftWithNoKey() {
  connectBackend(
    createFakeBackend({
      'settings.get': () => noKey,
      'models.list': () => ({ models: [] }),
      'jobs.list': () => ({ jobs: [makeJob('w1')], state: { ...engineIdle, paused: true } }),
    }),
  );
  render(<Shell />);
  return userEvent.setup();
}

describe('no key and no demo (issue 14, stumble 6)', () => {
  it('compose says the missing key is why there are no models, and leads to Settings', async () => {
    const user = demoLeftWithNoKey();
    await user.click(await screen.findByRole('button', { name: 'Look around first' }));
    const hint = await screen.findByText(/There are no models to choose from without an API key/);
    expect(screen.queryByText(/offers no video models/)).toBeNull();
    await user.click(within(hint).getByRole('button', { name: 'Settings' }));
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeTruthy();
  });

  it('the queue says a key is needed beside "paused", and leads to Settings', async () => {
    const user = demoLeftWithNoKey();
    await user.click(screen.getByRole('button', { name: 'Queue' }));
    const banner = (await screen.findByText(/No API key is saved/)).closest('.banner');
    expect(banner?.textContent).toMatch(/jobs wait until you save one in Settings/);
    expect(screen.getByText(/The queue is paused/)).toBeTruthy();
    await user.click(within(banner as HTMLElement).getByRole('button', { name: 'Open settings' }));
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeTruthy();
    // Settings itself is where the key goes: no banner there pointing at it.
    expect(screen.queryByText(/No API key is saved/)).toBeNull();
  });
});
