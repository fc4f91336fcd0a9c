import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Clip, ClipDetails } from '../../../../shared/library';
import {
  createFakeBackend,
  type FakeAnswers,
  setupRendererTests,
  connectBackend,
} from '../../testSupport/fakeBackend';
import { renderWithStores } from '../../testSupport/renderWithStores';
import { useLibraryStore } from './libraryStore';
import { ClipView } from './ClipView';

setupRendererTests();

const fox: ClipDetails = {
  id: 'vid_1',
  taskId: 'vid_1',
  name: '2025-01-01_1200_red-fox_vid_1',
  prompt: 'Red fox in snow',
  model: 'wan-2.6',
  mode: 'text',
  durationSeconds: 8,
  aspectRatio: '16:9',
  quality: '720p',
  seed: 11,
  sound: false,
  costCents: 320,
  createdAt: 1_700_000_000_000,
  completedAt: null,
  favourite: false,
  tags: [],
  hasPoster: true,
  parentClipId: null,
  inputImages: [],
  savedAt: null,
  parentFrameSeconds: null,
  parent: null,
  children: [],
};

/** The clip dialog as the library shows it: open while a clip is selected. */
function Open() {
  const selected = useLibraryStore((s) => s.selected);
  return selected ? <ClipView clip={selected} /> : null;
}

const file = `/home/me/Videos/Airframe/${fox.name}.mp4`;

function setup(extra: FakeAnswers = {}, host: 'electron' | 'browser' = 'electron') {
  let clip: Clip = fox;
  const fake = createFakeBackend({
    'app.info': () => ({
      name: 'Airframe',
      version: '1.2.3',
      demo: true,
      host,
      mediaBase: host === 'browser' ? '/media' : 'clip://media',
    }),
    'library.locate': () => ({ path: file }),
    'library.get': () => ({ ...fox, ...clip }),
    'library.favourite': ({ favourite }) => (clip = { ...clip, favourite }),
    'library.tag': ({ tags }) => (clip = { ...clip, tags }),
    'library.reveal': () => ({}),
    ...extra,
  });
  connectBackend(fake);
  renderWithStores(<Open />);
  useLibraryStore.setState({ selected: fox });
  return { fake, user: userEvent.setup() };
}

const dialog = () => screen.getByRole('dialog', { name: 'Red fox in snow' });
const inside = () => dialog().contains(document.activeElement);

describe('the clip dialog keeps focus', () => {
  it('on the button pressed after Favourite and Reveal; Escape still closes it', async () => {
    let answer: (clip: Clip) => void = () => undefined;
    const { fake, user } = setup({
      'library.favourite': ({ favourite }) =>
        new Promise<Clip>((resolve) => (answer = () => resolve({ ...fox, favourite }))),
    });
    const button = await screen.findByRole('button', { name: '☆ Favourite' });
    await user.click(button);
    // A browser moves focus off a control that becomes disabled (jsdom does not): it waits
    // while the change is under way without being disabled.
    expect(document.activeElement).toBe(button);
    expect(button.matches(':disabled')).toBe(false);
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await user.click(button);
    expect(fake.callsOf('library.favourite')).toHaveLength(1);
    answer(fox);
    const pressed = await screen.findByRole('button', { name: '★ Favourite', pressed: true });
    expect(document.activeElement).toBe(pressed);

    await user.click(screen.getByRole('button', { name: 'More actions' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Reveal in folder' }));
    await waitFor(() => expect(fake.callsOf('library.reveal')).toHaveLength(1));
    // The menu hands focus back to its trigger, inside the dialog.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'More actions' }));

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('after adding and removing a tag, Tab stays in the dialog and Escape closes it', async () => {
    const { user } = setup();
    await user.type(await screen.findByLabelText('Add tag'), 'winter{Enter}');
    expect(await screen.findByRole('button', { name: 'Remove tag winter' })).toBeTruthy();
    expect(inside()).toBe(true);
    for (let i = 0; i < 30; i++) {
      await user.tab();
      expect(inside()).toBe(true);
    }

    await user.click(screen.getByRole('button', { name: 'Remove tag winter' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: /Remove tag/ })).toBeNull());
    expect(inside()).toBe(true);
    await user.tab({ shift: true });
    expect(inside()).toBe(true);

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('Escape closes it even when focus was lost to the page', async () => {
    const { user } = setup();
    await screen.findByRole('button', { name: '☆ Favourite' });
    (document.activeElement as HTMLElement | null)?.blur();
    expect(document.activeElement).toBe(document.body);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(document.body).queryByRole('dialog')).toBeNull();
  });
  it('Tab from the page, once focus was lost there, starts again at the player', async () => {
    const { user } = setup();
    await screen.findByRole('button', { name: '☆ Favourite' });
    (document.activeElement as HTMLElement | null)?.blur();
    await user.tab();
    // The player's video takes focus (its keys work from there): the first stop.
    expect(document.activeElement).toBe(screen.getByLabelText('Clip player'));
    (document.activeElement as HTMLElement | null)?.blur();
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
  });
});

describe('where the clip’s file is', () => {
  it('the desktop app reveals it in the file manager', async () => {
    const { fake, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'More actions' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Reveal in folder' }));
    await waitFor(() => expect(fake.callsOf('library.reveal')).toEqual([{ clipId: 'vid_1' }]));
    expect(screen.queryByLabelText('File')).toBeNull();
  });

  it('the browser host shows the path to copy instead of a button that does nothing', async () => {
    const { fake, user } = setup({}, 'browser');
    const field = await screen.findByLabelText<HTMLInputElement>('File');
    await waitFor(() => expect(field.value).toBe(file));
    expect(field.readOnly).toBe(true);
    await user.click(screen.getByRole('button', { name: 'More actions' }));
    expect(await screen.findByRole('menuitem', { name: 'Delete…' })).toBeTruthy();
    expect(screen.queryByRole('menuitem', { name: 'Reveal in folder' })).toBeNull();
    await user.keyboard('{Escape}');

    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await navigator.clipboard.readText()).toBe(file);
    expect(screen.getByRole('status').textContent).toBe('Copied the path.');
    expect(fake.callsOf('library.reveal')).toEqual([]);
    expect(fake.callsOf('library.locate')).toEqual([{ clipId: 'vid_1' }]);
  });
});

describe('the delete confirmation', () => {
  it('Escape dismisses it and the clip is back, not deleted', async () => {
    const { fake, user } = setup({ 'library.delete': () => ({ remoteDeleted: false }) });
    await user.click(await screen.findByRole('button', { name: 'More actions' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete…' }));
    const confirm = await screen.findByRole('dialog', { name: 'Delete this clip?' });
    // From the choice of where, as a user who changed their mind would.
    await user.click(
      within(confirm).getByRole('radio', { name: 'This computer and api.airforce' }),
    );
    await user.keyboard('{Escape}');
    await waitFor(() =>
      expect(screen.queryByRole('dialog', { name: 'Delete this clip?' })).toBeNull(),
    );
    expect(dialog()).toBeTruthy();
    expect(fake.callsOf('library.delete')).toEqual([]);
  });
});
