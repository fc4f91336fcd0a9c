import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clip, ClipDetails } from '../../../../shared/library';
import { i18n } from '../../i18n';
import { toDraft, useComposeStore } from '../compose';
import { useNavStore } from '../nav';
import {
  createFakeBackend,
  setupRendererTests,
  connectBackend,
} from '../../testSupport/fakeBackend';
import { renderWithStores } from '../../testSupport/renderWithStores';
import { grabFrame } from './frameGrab';
import { useLibraryStore } from './libraryStore';
import { ClipView } from './ClipView';

// jsdom has no canvas and plays no video: the "grab" hands back a tiny PNG and a time.
vi.mock('./frameGrab', () => ({ grabFrame: vi.fn() }));
const png = new Uint8Array([137, 80, 78, 71]);

setupRendererTests();
beforeEach(() => {
  vi.mocked(grabFrame).mockReset();
  vi.mocked(grabFrame).mockResolvedValue({
    blob: new Blob([png], { type: 'image/png' }),
    atSeconds: 3.2,
  });
});

const clip = (n: number, change: Partial<Clip> = {}): Clip => ({
  id: `vid_${n}`,
  taskId: `vid_${n}`,
  name: `2025-01-01_1200_shot-${n}_vid_${n}`,
  prompt: `Shot ${n}`,
  model: 'wan-2.6',
  mode: 'text',
  durationSeconds: 8,
  aspectRatio: '16:9',
  quality: '720p',
  seed: 11,
  sound: true,
  costCents: 320,
  createdAt: 1_700_000_000_000 + n,
  completedAt: null,
  favourite: false,
  tags: [],
  hasPoster: false,
  parentClipId: null,
  ...change,
});

const one = clip(1);
const two = clip(2, { parentClipId: 'vid_1' });
const three = clip(3, { parentClipId: 'vid_2' });
const chain: Record<string, ClipDetails> = {
  vid_1: { ...details(one), children: [two] },
  vid_2: { ...details(two), parentFrameSeconds: 7.95, parent: one, children: [three] },
  vid_3: { ...details(three), parentFrameSeconds: 2, parent: null },
};

function details(c: Clip): ClipDetails {
  const none = { parentFrameSeconds: null, parent: null, children: [] };
  return { ...c, inputImages: [], savedAt: null, ...none };
}

function Open() {
  const selected = useLibraryStore((s) => s.selected);
  return selected ? <ClipView clip={selected} /> : null;
}

async function setup(clipId: string) {
  const fake = createFakeBackend({ 'library.get': ({ clipId: id }) => chain[id]! });
  connectBackend(fake);
  renderWithStores(<Open />);
  useNavStore.getState().go('Library');
  await useLibraryStore.getState().select(clipId);
  return userEvent.setup();
}

describe('continuing a clip from one of its frames', () => {
  it('starts an image-mode job from the frame, with the clip’s prompt, settings and name', async () => {
    const user = await setup('vid_1');
    await user.click(await screen.findByRole('button', { name: 'Continue from this frame' }));
    await waitFor(() => expect(useNavStore.getState().section).toBe('Compose'));
    expect(vi.mocked(grabFrame).mock.calls[0]?.[0]).toBeInstanceOf(HTMLVideoElement);
    const { form } = useComposeStore.getState();
    expect(form).toMatchObject({
      prompt: 'Shot 1',
      mode: 'image',
      modelId: 'wan-2.6',
      durationSeconds: 8,
      aspectRatio: '16:9',
      seed: '',
      continues: { clipId: 'vid_1', name: one.name, atSeconds: 3.2 },
    });
    expect(form.images.map((i) => [i.name, i.input])).toEqual([
      ['Frame at 0:03', { mime: 'image/png', dataBase64: 'iVBORw==' }],
    ]);
    expect(toDraft(form)).toMatchObject({ parentClipId: 'vid_1', parentFrameSeconds: 3.2 });
    expect(useLibraryStore.getState().selected).toBeNull();
  });

  it('says why when the frame cannot be taken, and stays on the clip', async () => {
    vi.mocked(grabFrame).mockRejectedValue(new Error('the player has no picture to take yet'));
    const user = await setup('vid_1');
    await user.click(await screen.findByRole('button', { name: 'Continue from this frame' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This frame could not be taken: the player has no picture to take yet',
    );
    expect(useComposeStore.getState().form.continues).toBeNull();
    expect(useNavStore.getState().section).toBe('Library');
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
});

describe('a clip’s chain', () => {
  it('opens the clip it continues and the clips continuing it', async () => {
    const user = await setup('vid_2');
    const nav = await screen.findByRole('navigation', { name: 'Chain' });
    expect(within(nav).getByText('Continued in')).toBeTruthy();
    expect(within(nav).getByRole('button', { name: three.name })).toBeTruthy();
    await user.click(within(nav).getByRole('button', { name: `Continued from ${one.name}` }));
    await waitFor(() => expect(useLibraryStore.getState().selected?.id).toBe('vid_1'));
    expect(screen.queryByRole('button', { name: /Continued from/ })).toBeNull();
    await user.click(await screen.findByRole('button', { name: two.name }));
    await waitFor(() => expect(useLibraryStore.getState().selected?.id).toBe('vid_2'));
  });

  it('says so when the clip it continues is gone, in Dutch too', async () => {
    await setup('vid_3');
    expect(
      await screen.findByText('Continued from a clip that is no longer in the library'),
    ).toBeTruthy();
    await i18n.changeLanguage('nl');
    expect(
      await screen.findByText('Vervolg op een clip die niet meer in de bibliotheek staat'),
    ).toBeTruthy();
  });
});
