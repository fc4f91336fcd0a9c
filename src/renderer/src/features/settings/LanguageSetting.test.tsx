import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SettingsPatch, SettingsView } from '../../../../shared/settings';
import {
  connectBackend,
  createFakeBackend,
  demoView,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { useNavStore } from '../nav';
import { Shell } from '../shell';

setupRendererTests();
afterEach(() => vi.restoreAllMocks());

function setup(initial: SettingsView, settingsArrive = true) {
  let view = initial;
  let arrive: () => void = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const fake = createFakeBackend({
    'settings.get': async () => {
      if (!settingsArrive) await arrived;
      return view;
    },
    'settings.update': (patch: SettingsPatch) =>
      (view = { ...view, settings: { ...view.settings, ...patch } }),
  });
  connectBackend(fake);
  render(<Shell />);
  // Through the store, not the nav button, whose name is in the UI's language.
  const openSettings = () => act(() => useNavStore.getState().go('Settings'));
  return { fake, user: userEvent.setup(), arrive, openSettings };
}

const browserPrefers = (...languages: string[]) =>
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
const pageLanguage = () => document.documentElement.lang;
const withLanguage = (language: SettingsView['settings']['language']) => ({
  ...demoView,
  settings: { ...demoView.settings, language },
});

describe('the Language setting', () => {
  it('offers System (naming the language it resolves to), English and Nederlands', async () => {
    const { openSettings } = setup(demoView);
    openSettings();
    const group = await screen.findByRole('radiogroup', { name: 'Language' });
    expect(group.textContent).toBe('System (English)EnglishNederlands');
    expect(screen.getByRole('radio', { name: 'System (English)' })).toHaveProperty('checked', true);
  });

  it('switches the whole UI to Dutch when Nederlands is chosen, and saves it', async () => {
    const { fake, user, openSettings } = setup(demoView);
    openSettings();
    await user.click(await screen.findByRole('radio', { name: 'Nederlands' }));
    expect(fake.callsOf('settings.update')).toEqual([{ language: 'nl' }]);
    await waitFor(() => expect(pageLanguage()).toBe('nl'));
    // The setting itself now speaks Dutch; the system's language is still English.
    const group = await screen.findByRole('radiogroup', { name: 'Taal' });
    expect(group.textContent).toBe('Systeem (English)EnglishNederlands');
    expect(screen.getByRole('radio', { name: 'Nederlands' })).toHaveProperty('checked', true);

    await user.click(screen.getByRole('radio', { name: 'English' }));
    await waitFor(() => expect(pageLanguage()).toBe('en'));
    expect(await screen.findByRole('radiogroup', { name: 'Language' })).toBeTruthy();
  });

  it('follows a Dutch browser from the first render, before the settings arrive', async () => {
    browserPrefers('nl-BE', 'en-US');
    const { fake, arrive, openSettings } = setup(demoView, false);
    expect(pageLanguage()).toBe('nl');
    // Main hears them too, for its notifications in the browser host.
    await waitFor(() =>
      expect(fake.callsOf('app.reportLanguages')).toEqual([{ languages: ['nl-BE', 'en-US'] }]),
    );
    arrive();
    openSettings();
    const group = await screen.findByRole('radiogroup', { name: 'Taal' });
    expect(screen.getByRole('radio', { name: 'Systeem (Nederlands)' })).toHaveProperty(
      'checked',
      true,
    );
    expect(group).toBeTruthy();
  });

  it('keeps a saved English over a Dutch browser once the settings arrive', async () => {
    browserPrefers('nl-NL');
    const { arrive } = setup(withLanguage('en'), false);
    expect(pageLanguage()).toBe('nl');
    arrive();
    await waitFor(() => expect(pageLanguage()).toBe('en'));
  });

  it('with System, follows the browser when its languages change', async () => {
    const before = [...navigator.languages];
    const { fake } = setup(demoView);
    await waitFor(() => expect(pageLanguage()).toBe('en'));
    browserPrefers('nl', 'not a tag');
    window.dispatchEvent(new Event('languagechange'));
    expect(pageLanguage()).toBe('nl');
    await waitFor(() =>
      expect(fake.callsOf('app.reportLanguages')).toEqual([
        { languages: before },
        { languages: ['nl'] },
      ]),
    );
  });
});
