import { render, screen, waitFor, within } from '@testing-library/react';
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
  demoView,
  makeJob,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { Shell } from './Shell';

setupRendererTests();

describe('Shell', () => {
  it('shows the navigation and what app.info answers', async () => {
    connectBackend(
      createFakeBackend({
        'app.info': () => ({
          name: 'Airframe',
          version: '3.1.4',
          demo: true,
          host: 'electron',
          mediaBase: 'clip://media',
        }),
      }),
    );
    render(<Shell />);
    for (const name of ['Compose', 'Queue', 'Library', 'Settings']) {
      expect(screen.getByRole('button', { name })).toBeDefined();
    }
    expect((await screen.findByLabelText('App version')).textContent).toBe(
      'Airframe 3.1.4 · demo mode · electron',
    );
  });

  it('does not cover the app with the welcome when the demo is turned off with no key', async () => {
    let view: SettingsView = demoView;
    const fake = createFakeBackend({
      'settings.get': () => view,
      'settings.update': (patch: SettingsPatch) =>
        (view = { ...view, settings: { ...view.settings, ...patch } }),
    });
    connectBackend(fake);
    render(<Shell />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(await screen.findByRole('switch', { name: 'Demo mode' }));
    await waitFor(() => expect(fake.callsOf('settings.update')).toEqual([{ demo: false }]));

    expect(screen.queryByRole('heading', { name: 'Welcome to Airframe' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Library' }));
    expect(screen.getByRole('heading', { name: 'Library' })).toBeTruthy();
  });

  it('welcomes a first run with no key, and the navigation leads past the welcome', async () => {
    const noKey: SettingsView = { ...demoView, settings: { ...defaultSettings, demo: false } };
    connectBackend(createFakeBackend({ 'settings.get': () => noKey }));
    render(<Shell />);
    expect(await screen.findByRole('heading', { name: 'Welcome to Airframe' })).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Queue' }));
    expect(screen.queryByRole('heading', { name: 'Welcome to Airframe' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Queue' })).toBeTruthy();
  });

  it('keeps the queue badge’s place in the header before there is a count', async () => {
    const fake = createFakeBackend();
    connectBackend(fake);
    render(<Shell />);
    const queue = screen.getByRole('button', { name: 'Queue' });
    await waitFor(() => expect(fake.callsOf('jobs.list')).toHaveLength(1));
    const badge = queue.querySelector<HTMLElement>('.count');
    expect(badge?.style.visibility).toBe('hidden');
    fake.emit('jobs.changed', { upserted: [makeJob('j1')], removed: [], order: ['j1'] });
    await waitFor(() => expect(queue.querySelector('.count')?.textContent).toBe('1'));
    expect(queue.querySelector<HTMLElement>('.count')).toBe(badge);
    expect(badge?.style.visibility).toBe('');
  });

  it('says Demo in the header while the demo is on', async () => {
    let view: SettingsView = demoView;
    connectBackend(
      createFakeBackend({
        'settings.get': () => view,
        'settings.update': (patch: SettingsPatch) =>
          (view = { ...view, settings: { ...view.settings, ...patch } }),
      }),
    );
    render(<Shell />);
    const header = screen.getByRole('banner');
    expect(await within(header).findByText('Demo')).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Settings' }));
    await user.click(await screen.findByRole('switch', { name: 'Demo mode' }));
    await waitFor(() => expect(within(header).queryByText('Demo')).toBeNull());
  });
});
