import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  createFakeBackend,
  connectBackend,
  demoView,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { Shell } from '../shell';

setupRendererTests();

const info = (folder: string) => ({ folder, clipCount: 0, warnings: [] });

async function openSettings(host: 'electron' | 'browser', picked: string | null) {
  const calls: string[] = [];
  connectBackend(
    createFakeBackend({
      'app.info': () => ({
        name: 'Airframe',
        version: '1.0.0',
        demo: true,
        host,
        mediaBase: host === 'electron' ? 'clip://media' : '/media',
      }),
      'settings.get': () => demoView,
      'library.info': () => info('/home/me/Videos/Airframe'),
      'library.chooseFolder': () => (
        calls.push('chooseFolder'),
        { info: picked ? info(picked) : null }
      ),
    }),
  );
  const user = userEvent.setup();
  render(<Shell />);
  await screen.findByText(/· electron$|· browser$/);
  await user.click(screen.getByRole('button', { name: 'Settings' }));
  return { user, calls };
}

describe('the library folder in settings', () => {
  it('offers the system folder picker in the desktop app, and shows the folder chosen', async () => {
    const { user, calls } = await openSettings('electron', '/mnt/clips/Airframe');
    await user.click(await screen.findByRole('button', { name: 'Choose another folder…' }));
    expect(calls).toEqual(['chooseFolder']);
    expect((await screen.findByLabelText('Library folder')).textContent).toBe(
      '/mnt/clips/Airframe',
    );
  });

  it('asks for a typed path in a browser, where there is no picker', async () => {
    await openSettings('browser', null);
    await screen.findByRole('textbox', { name: 'Use another folder (full path)' });
    expect(screen.queryByRole('button', { name: 'Choose another folder…' })).toBeNull();
  });
});
