import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clip, ClipDetails, LibrarySearchRequest } from '../../../../shared/library';
import { useComposeStore } from '../compose';
import { useNavStore } from '../nav';
import {
  createFakeBackend,
  type FakeAnswers,
  setupRendererTests,
  connectBackend,
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

const clip = (n: number, change: Partial<Clip> = {}): Clip => ({
  id: `vid_${n}`,
  taskId: `vid_${n}`,
  name: `2025-01-01_1200_clip-${n}_vid_${n}`,
  prompt: `Clip number ${n}`,
  model: n % 2 ? 'kling-1' : 'wan-2.6',
  mode: 'text',
  durationSeconds: 8,
  aspectRatio: '16:9',
  quality: '720p',
  seed: 11,
  sound: false,
  costCents: 320,
  createdAt: 1_700_000_000_000 + n,
  completedAt: null,
  favourite: false,
  tags: [],
  hasPoster: true,
  parentClipId: null,
  ...change,
});

function setup(clips: Clip[], extra: FakeAnswers = {}) {
  const searches: LibrarySearchRequest[] = [];
  const details = (c: Clip): ClipDetails => ({
    ...c,
    inputImages: [
      { file: `${c.name}.input-1.png`, mime: 'image/png' },
      { url: 'https://example.com/ref.png' },
    ],
    savedAt: null,
    parentFrameSeconds: null,
    parent: null,
    children: [],
  });
  const fake = createFakeBackend({
    'library.info': () => ({
      folder: '/home/me/Airframe',
      clipCount: clips.length,
      warnings: [],
    }),
    'library.search': (request) => {
      searches.push(request);
      const words = (request.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const found = clips.filter(
        (c) =>
          words.every((w) => (c.prompt ?? '').toLowerCase().includes(w)) &&
          (!request.model || c.model === request.model) &&
          (!request.favouritesOnly || c.favourite),
      );
      const offset = request.offset ?? 0;
      return { total: found.length, clips: found.slice(offset, offset + (request.limit ?? 100)) };
    },
    'library.get': ({ clipId }) => details(clips.find((c) => c.id === clipId)!),
    'library.favourite': ({ clipId, favourite }) => ({
      ...clips.find((c) => c.id === clipId)!,
      favourite,
    }),
    'library.tag': ({ clipId, tags }) => ({ ...clips.find((c) => c.id === clipId)!, tags }),
    'library.delete': () => ({ remoteDeleted: true }),
    ...extra,
  });
  connectBackend(fake);
  renderWithStores(<Library />);
  return { fake, searches, user: userEvent.setup() };
}

const cells = () => within(screen.getByRole('list', { name: 'Clips' })).getAllByRole('listitem');

describe('Library', () => {
  it('keeps the DOM small with 10,000 clips', async () => {
    const { searches } = setup(Array.from({ length: 10_000 }, (_, i) => clip(i)));
    expect(await screen.findByText('10,000 clips')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByText(/^Clip number/).length).toBeGreaterThan(0));
    expect(cells().length).toBeLessThanOrEqual(100);
    expect(searches.every((s) => s.limit === 100)).toBe(true);
  });

  it('searches with the filters the user sets', async () => {
    const { searches, user } = setup([
      clip(1, { prompt: 'Red fox in snow', favourite: true }),
      clip(2, { prompt: 'Blue whale' }),
      clip(3, { prompt: 'Red car' }),
    ]);
    await waitFor(() => expect(cells()).toHaveLength(3));
    await user.type(screen.getByLabelText('Search clips'), 'red');
    await waitFor(() => expect(cells()).toHaveLength(2));
    await user.selectOptions(screen.getByLabelText('Model'), 'kling-1');
    await user.click(screen.getByRole('checkbox', { name: 'Favourites only' }));
    await user.selectOptions(screen.getByLabelText('Sort by'), 'Oldest first');
    await waitFor(() => expect(cells()).toHaveLength(1));
    expect(searches.at(-1)).toEqual({
      text: 'red',
      model: 'kling-1',
      favouritesOnly: true,
      sort: 'date',
      order: 'asc',
      offset: 0,
      limit: 100,
    });
    // Typing searches once, after the pause, not per key.
    expect(searches.filter((s) => s.text === 're')).toEqual([]);

    await user.type(screen.getByLabelText('Search clips'), ' nothing');
    expect(await screen.findByText('No clip matches these filters.')).toBeTruthy();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    await waitFor(() => expect(cells()).toHaveLength(3));
  });

  it('tells a new user what the library is for', async () => {
    setup([]);
    expect(await screen.findByText(/Your library is empty/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Make your first clip' })).toBeTruthy();
  });

  it('plays a clip and acts on it: favourite, tags', async () => {
    const { fake, user } = setup([clip(1, { prompt: 'Red fox in snow' })]);
    await user.click(await screen.findByRole('button', { name: /Red fox in snow/ }));
    const view = await screen.findByRole('dialog', { name: 'Red fox in snow' });
    const video = within(view).getByLabelText<HTMLVideoElement>('Clip player');
    expect(video.getAttribute('src')).toBe('/media/vid_1/video');
    expect(within(view).getByLabelText('Clip details').textContent).toContain('Task idvid_1');

    await user.click(within(view).getByRole('button', { name: '☆ Favourite' }));
    expect(
      await within(view).findByRole('button', { name: '★ Favourite', pressed: true }),
    ).toBeTruthy();
    await user.type(within(view).getByLabelText('Add tag'), 'winter{Enter}');
    expect(await within(view).findByRole('button', { name: 'Remove tag winter' })).toBeTruthy();
    expect(fake.callsOf('library.favourite')).toEqual([{ clipId: 'vid_1', favourite: true }]);
    expect(fake.callsOf('library.tag')).toEqual([{ clipId: 'vid_1', tags: ['winter'] }]);
  });

  it('asks where to delete from and says what cannot be undone', async () => {
    const { fake, user } = setup([clip(1, { prompt: 'Red fox in snow' })]);
    await user.click(await screen.findByRole('button', { name: /Red fox in snow/ }));
    await user.click(await screen.findByRole('button', { name: 'More actions' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this clip?' });
    expect(within(dialog).getByText(/This cannot be undone/)).toBeTruthy();
    await user.click(within(dialog).getByRole('radio', { name: 'This computer and api.airforce' }));
    expect(within(dialog).getByText(/nothing is refunded/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Delete here and on the server' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.callsOf('library.delete')).toEqual([{ clipId: 'vid_1', remote: true }]);
  });

  it('remixes a clip: Compose opens with its settings and input images', async () => {
    const { user } = setup([
      clip(2, { prompt: 'Red fox in snow', mode: 'reference', seed: 99, durationSeconds: 10 }),
    ]);
    await user.click(await screen.findByRole('button', { name: /Red fox in snow/ }));
    await user.click(await screen.findByRole('button', { name: 'Remix' }));
    await waitFor(() => expect(useNavStore.getState().section).toBe('Compose'));
    const { form, notice } = useComposeStore.getState();
    expect(form).toMatchObject({
      prompt: 'Red fox in snow',
      mode: 'reference',
      seed: '99',
      durationSeconds: 10,
      modelId: 'wan-2.6',
    });
    // The library's file by reference (main reads it when the job is queued), the link as is.
    expect(form.images.map((i) => i.input)).toEqual([
      { clipId: 'vid_2', index: 0 },
      { url: 'https://example.com/ref.png' },
    ]);
    // Named as the files are called in the library folder (the thumbnail shows the name).
    expect(form.images.map((i) => i.name)).toEqual([
      '2025-01-01_1200_clip-2_vid_2.input-1.png',
      'https://example.com/ref.png',
    ]);
    expect(notice).toBe('Remix of “Red fox in snow” with the same settings.');
  });

  it('says what a remix had to change for the model', async () => {
    const fox = clip(1, { prompt: 'Red fox in snow', mode: 'reference', durationSeconds: 10 });
    // A plain-http link (an old sidecar) cannot be sent again.
    const { user } = setup([fox], {
      'library.get': () => ({
        ...fox,
        inputImages: [{ url: 'http://example.com/ref.png' }],
        savedAt: null,
        parentFrameSeconds: null,
        parent: null,
        children: [],
      }),
    });
    await user.click(await screen.findByRole('button', { name: /Red fox in snow/ }));
    await user.click(await screen.findByRole('button', { name: 'Remix' }));
    await waitFor(() => expect(useNavStore.getState().section).toBe('Compose'));
    expect(useComposeStore.getState().notice).toBe(
      'Remix of “Red fox in snow” with the same settings. 1 of its input images could not be brought along: add it again. ' +
        'Adjusted to kling-1: mode reference → text (kling-1 has no reference mode); duration 10 s → 8 s.',
    );
  });

  it('takes media from where app.info says the host serves it (clip://media in Electron)', async () => {
    const { user } = setup([clip(1, { prompt: 'Red fox in snow' })], {
      'app.info': () => ({
        name: 'Airframe',
        version: '1.2.3',
        demo: false,
        host: 'electron',
        mediaBase: 'clip://media',
      }),
    });
    const cell = await screen.findByRole('button', { name: /Red fox in snow/ });
    // The poster is decorative (alt=""): the button is named by the clip's prompt.
    await waitFor(() =>
      expect(cell.querySelector('img')?.getAttribute('src')).toBe('clip://media/vid_1/poster'),
    );
    await user.click(cell);
    const view = await screen.findByRole('dialog', { name: 'Red fox in snow' });
    expect(within(view).getByLabelText('Clip player').getAttribute('src')).toBe(
      'clip://media/vid_1/video',
    );
  });
});
