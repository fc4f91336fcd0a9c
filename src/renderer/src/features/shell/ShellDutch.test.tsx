import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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
import { Shell } from './Shell';

setupRendererTests();
afterEach(() => i18n.changeLanguage('en'));

function setup(jobs: number, demo = true) {
  connectBackend(
    createFakeBackend({
      'app.info': () => ({
        name: 'Airframe',
        version: '1.2.3',
        demo,
        host: 'browser',
        mediaBase: '/media',
      }),
      'settings.get': () => ({
        settings: { ...defaultSettings, demo, language: 'nl' },
        hasApiKey: false,
        keyStorage: 'none',
        secureStorageAvailable: true,
      }),
      'jobs.list': () => ({
        jobs: Array.from({ length: jobs }, (_, i) => makeJob(`j${i}`)),
        state: engineIdle,
      }),
    }),
  );
  render(<Shell />);
}

describe('the shell in Dutch (issue 14)', () => {
  it('names the sections, the unfinished jobs and the app’s version in Dutch', async () => {
    await i18n.changeLanguage('nl');
    setup(2);
    const nav = await screen.findByRole('navigation', { name: 'Hoofdmenu' });
    expect(
      within(nav)
        .getAllByRole('button')
        .map((b) => b.querySelector('.nav-label')?.textContent),
    ).toEqual(['Maken', 'Wachtrij', 'Bibliotheek', 'Instellingen']);
    expect(within(nav).getByRole('button', { name: 'Maken' }).title).toBe(
      'Maken (Ctrl+1, ⌘+1 op een Mac)',
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Maken');
    expect(screen.getByRole('main').getAttribute('aria-label')).toBe('Maken');
    expect((await screen.findByLabelText('App-versie')).textContent).toBe(
      'Airframe 1.2.3 · demomodus · browser',
    );
    await waitFor(() => expect(screen.getByText('2 onvoltooid')).toBeTruthy());
    expect(screen.getByText('Demo').title).toBe(
      'Taken draaien in de ingebouwde simulator: gratis, voorbeeldclips',
    );
  });

  it('says in Dutch that no key is saved', async () => {
    await i18n.changeLanguage('nl');
    setup(1, false);
    // The welcome comes first; looking around shows the warning on every screen.
    await userEvent.click(await screen.findByRole('button', { name: 'Eerst rondkijken' }));
    expect(
      (await screen.findByRole('button', { name: 'Instellingen openen' })).parentElement
        ?.textContent,
    ).toMatch(/^Er is geen API-sleutel opgeslagen/);
    await waitFor(() => expect(screen.getByText('1 onvoltooid')).toBeTruthy());
  });
});
