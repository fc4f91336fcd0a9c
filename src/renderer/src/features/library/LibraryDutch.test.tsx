import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Clip, ClipDetails, RemoteTask } from '../../../../shared/library';
import { i18n } from '../../i18n';
import {
  connectBackend,
  createFakeBackend,
  demoView,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { renderWithStores } from '../../testSupport/renderWithStores';
import { Library } from './Library';

setupRendererTests();

// jsdom lays nothing out: give the grid's scroller a size so the virtualizer has rows to show.
const sizes = ['clientWidth', 'clientHeight'] as const;
beforeAll(() => {
  for (const key of sizes)
    Object.defineProperty(HTMLElement.prototype, key, {
      configurable: true,
      get: () => (key === 'clientWidth' ? 1000 : 800),
    });
});
afterAll(() => {
  for (const key of sizes)
    delete (HTMLElement.prototype as unknown as Record<string, unknown>)[key];
});
afterEach(() => i18n.changeLanguage('en'));

// Noon UTC: the same calendar day in every time zone the tests may run in.
const december1 = Date.UTC(2026, 11, 1, 12, 0);

const clip = (n: number, prompt: string): Clip => ({
  id: `vid_${n}`,
  taskId: `vid_${n}`,
  name: `2026-12-01_1200_clip-${n}_vid_${n}`,
  prompt,
  model: 'wan-2.6',
  mode: 'reference',
  durationSeconds: 8,
  aspectRatio: '16:9',
  quality: '720p',
  seed: null,
  sound: true,
  costCents: 1234,
  createdAt: december1,
  completedAt: null,
  favourite: false,
  tags: [],
  hasPoster: false,
  parentClipId: null,
});

function setup(clips: Clip[], tasks: RemoteTask[] = []) {
  connectBackend(
    createFakeBackend({
      'app.info': () => ({
        name: 'Airframe',
        version: '1.2.3',
        demo: true,
        host: 'electron',
        mediaBase: 'clip://media',
      }),
      // The Language setting in Dutch, as a user sets it: the shell's stores follow it.
      'settings.get': () => ({ ...demoView, settings: { ...demoView.settings, language: 'nl' } }),
      'library.info': () => ({
        folder: '/home/ik/Airframe',
        clipCount: clips.length,
        warnings: [],
      }),
      'library.search': (request) => {
        const word = (request.text ?? '').toLowerCase();
        const found = clips.filter((c) => (c.prompt ?? '').toLowerCase().includes(word));
        return { total: found.length, clips: found };
      },
      'library.get': ({ clipId }): ClipDetails => ({
        ...clips.find((c) => c.id === clipId)!,
        inputImages: [],
        savedAt: null,
        parentFrameSeconds: null,
        parent: null,
        children: [],
      }),
      'library.listRemote': () => ({ tasks }),
    }),
  );
  renderWithStores(<Library />);
  return userEvent.setup();
}

describe('the library in Dutch', () => {
  it('counts clips with plurals and dates them the Dutch way', async () => {
    const user = setup([clip(1, 'Rode vos in de sneeuw'), clip(2, 'Rode auto'), clip(3, 'Walvis')]);
    // Once the setting has arrived the grid speaks Dutch: "1 dec 2026", not "Dec 1, 2026".
    expect(await screen.findAllByText(/^1 dec 2026/)).toHaveLength(3);
    expect(screen.getByRole('status').textContent).toBe('3 clips');
    const grid = screen.getByRole('list', { name: 'Clips' });
    expect(within(grid).getAllByText('Geen poster')).toHaveLength(3);

    await user.type(screen.getByLabelText('Clips zoeken'), 'vos');
    expect(await screen.findByText('1 clip van 3')).toBeTruthy();
    await user.clear(screen.getByLabelText('Clips zoeken'));
    await user.type(screen.getByLabelText('Clips zoeken'), 'rode');
    expect(await screen.findByText('2 clips van 3')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Filters wissen' })).toBeTruthy();
  });

  it('shows a clip in Dutch: its details, the cost in Dutch notation, the More actions menu', async () => {
    const user = setup([clip(1, 'Rode vos in de sneeuw')]);
    await user.click(await screen.findByRole('button', { name: /Rode vos in de sneeuw/ }));
    const view = await screen.findByRole('dialog', { name: 'Rode vos in de sneeuw' });
    const details = within(view).getByLabelText('Gegevens van de clip');
    expect(details.textContent).toContain('ModusReferentie');
    expect(details.textContent).toContain('Duur8 s');
    expect(details.textContent).toContain('SeedwillekeurigGeluidja');
    expect(details.textContent).toMatch(/KostenUS\$\s12,34/);
    expect(details.textContent).toMatch(/Gemaakt1 dec 2026/);
    expect(within(view).getByRole('button', { name: '☆ Favoriet' })).toBeTruthy();

    await user.click(within(view).getByRole('button', { name: 'Meer acties' }));
    const items = await screen.findAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Openen in de videospeler van het systeem',
      'Tonen in map',
      'Exporteren…',
      'Verwijderen…',
    ]);
    await user.click(items[3]!);
    const confirm = await screen.findByRole('dialog', { name: 'Deze clip verwijderen?' });
    expect(within(confirm).getByText(/Dit kan niet ongedaan worden gemaakt/)).toBeTruthy();
    expect(within(confirm).getByRole('button', { name: 'Annuleren' })).toBeTruthy();
  });

  it('lists the server history in Dutch, failed rows and expiry too', async () => {
    const now = Date.now();
    const task = (taskId: string, change: Partial<RemoteTask>): RemoteTask => ({
      taskId,
      status: 'completed',
      model: 'wan-2.6',
      prompt: null,
      createdAt: null,
      expiresAt: null,
      inLibrary: false,
      ...change,
    });
    const user = setup(
      [],
      [
        task('vid_done', { expiresAt: now + 3 * 3_600_000 + 600_000 }),
        task('vid_failed', { status: 'failed', model: null }),
      ],
    );
    await user.click(
      await screen.findByRole('button', { name: 'Importeren uit servergeschiedenis' }),
    );
    const history = await screen.findByRole('dialog', { name: 'Servergeschiedenis' });
    const row = async (id: string) =>
      within((await within(history).findByText(new RegExp(`^Taak ${id}`))).closest('li')!);
    expect(
      (await row('vid_done')).getByText('wan-2.6 · voltooid · verloopt over 3 u'),
    ).toBeTruthy();
    expect((await row('vid_done')).getByRole('button', { name: 'Importeren' })).toBeTruthy();
    expect((await row('vid_failed')).getByText('onbekend model · mislukt')).toBeTruthy();
    expect((await row('vid_failed')).getByText('Mislukt: geen clip')).toBeTruthy();
    await waitFor(() => expect(within(history).getAllByRole('listitem')).toHaveLength(2));
  });
});
