import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/settings';
import { i18n } from '../../i18n';
import {
  connectBackend,
  createFakeBackend,
  demoView,
  engineIdle,
  makeBatch,
  makeJob,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { renderWithStores } from '../../testSupport/renderWithStores';
import { Queue } from './Queue';

setupRendererTests();

const nacht = makeBatch(
  'b1',
  { name: 'Nacht', size: 50, spentCents: 4840, paused: true },
  { waiting: 30, running: 2, saved: 12, failed: 3, cancelled: 3 },
);
const shot = makeJob(
  's12',
  {
    status: 'saved',
    clipId: 'vid_12',
    taskId: 'vid_12',
    batch: { id: 'b1', name: 'Nacht', index: 12, size: 50 },
  },
  { prompt: 'Twaalfde opname' },
);

describe('batches in Dutch', () => {
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('shows a batch, its actions, its cancel confirmation and a job’s place in Dutch', async () => {
    connectBackend(
      createFakeBackend({
        'settings.get': () => ({
          ...demoView,
          settings: { ...defaultSettings, demo: true, language: 'nl' },
        }),
        'jobs.list': () => ({ jobs: [shot], state: engineIdle }),
        'batches.list': () => ({ batches: [nacht] }),
      }),
    );
    renderWithStores(<Queue />);
    const user = userEvent.setup();
    const panel = await screen.findByRole('region', { name: 'Reeksen' });
    const entry = within(panel).getByRole('listitem', { name: 'Nacht' });
    expect(within(entry).getByText('12/50 bewaard')).toBeTruthy();
    expect(within(entry).getByText(/^US\$\s48,40 uitgegeven$/)).toBeTruthy();
    expect(within(entry).getByText('Gepauzeerd')).toBeTruthy();
    expect(
      within(entry).getByText('30 wachtend · 2 bezig · 3 mislukt · 3 geannuleerd'),
    ).toBeTruthy();
    expect(within(entry).getByRole('button', { name: 'Hervatten' })).toBeTruthy();
    expect(
      within(entry).getByRole('button', { name: 'Mislukte opnieuw proberen (3)' }),
    ).toBeTruthy();
    const moves = within(entry).getByRole('group', { name: 'De reeks „Nacht” verplaatsen' });
    expect(within(moves).getAllByRole('button')).toHaveLength(4);

    const row = screen.getByRole('listitem', { name: 'Twaalfde opname' });
    expect(within(row).getByText('Nacht · 12/50')).toBeTruthy();

    await user.click(within(entry).getByRole('button', { name: 'Annuleren…' }));
    const dialog = await screen.findByRole('dialog', { name: 'De reeks „Nacht” annuleren?' });
    expect(
      within(dialog).getByText(
        /^De 2 taken die al op de server staan, lopen door en worden betaald/,
      ),
    ).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Wachtende taken annuleren' })).toBeTruthy();
  });
});
