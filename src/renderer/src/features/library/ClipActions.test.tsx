import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClipDetails, ClipFrame } from '../../../../shared/library';
import { UserError } from '../../../../shared/contract/result';
import { useComposeStore } from '../compose';
import { useNavStore } from '../nav';
import {
  connectBackend,
  createFakeBackend,
  setupRendererTests,
  type FakeAnswers,
} from '../../testSupport/fakeBackend';
import { renderWithStores } from '../../testSupport/renderWithStores';
import { ClipActions } from './ClipActions';
import { grabFrame } from './frameGrab';

// jsdom has no canvas and plays no video: the "grab" hands back a tiny PNG and a time.
vi.mock('./frameGrab', () => ({ grabFrame: vi.fn() }));
const png = new Uint8Array([137, 80, 78, 71]);
const pngBlob = () => new Blob([png], { type: 'image/png' });

setupRendererTests();
beforeEach(() => {
  vi.mocked(grabFrame).mockReset();
  vi.mocked(grabFrame).mockResolvedValue({
    blob: pngBlob(),
    atSeconds: 3.2,
  });
  // The saved still, as the media route would serve it.
  // (A page's Blob, not Node's: jsdom reads only its own.)
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve({ ok: true, blob: () => Promise.resolve(pngBlob()) })),
  );
});
afterEach(() => vi.unstubAllGlobals());

const clip: ClipDetails = {
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

const still: ClipFrame = { index: 0, atSeconds: 3.2, savedAt: 1_700_000_100_000 };

function setup(host: 'electron' | 'browser', answers: FakeAnswers = {}, shown = clip) {
  const fake = createFakeBackend({
    'app.info': () => ({
      name: 'Airframe',
      version: '1.2.3',
      demo: true,
      host,
      mediaBase: host === 'browser' ? '/media' : 'clip://media',
    }),
    'library.locate': () => ({ path: '/home/me/Videos/Airframe/x.mp4' }),
    'library.saveFrame': () => ({ frame: still, frames: [still] }),
    'library.open': () => ({}),
    'library.export': () => ({
      fileName: `${clip.name}.zip`,
      dataBase64: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==',
      clipCount: 1,
      missing: 0,
    }),
    ...answers,
  });
  connectBackend(fake);
  const video = { current: document.createElement('video') };
  renderWithStores(<ClipActions clip={shown} video={video} onDelete={() => undefined} />);
  return { fake, user: userEvent.setup() };
}

/** The action's outcome, in the status line (the browser host's File hint is another). */
async function said(text: string): Promise<void> {
  expect((await screen.findByText(text)).getAttribute('role')).toBe('status');
}

describe('saving a frame of the clip', () => {
  it('saves the frame under the playhead as a PNG and shows it in the Frames list', async () => {
    const { fake, user } = setup('browser');
    await user.click(await screen.findByRole('button', { name: 'Save frame' }));
    await said('Frame saved at 0:03.');
    expect(fake.callsOf('library.saveFrame')).toEqual([
      { clipId: 'vid_1', atSeconds: 3.2, pngBase64: 'iVBORw==' },
    ]);
    const frames = screen.getByRole('region', { name: 'Frames' });
    expect(frames.querySelector('img')?.getAttribute('src')).toBe('/media/vid_1/frame-0');
    expect(screen.getByRole('img', { name: 'Frame at 0:03' })).toBeTruthy();
  });

  it('says why when main refuses the frame', async () => {
    const { user } = setup('browser', {
      'library.saveFrame': () => {
        throw new UserError('invalid-request', 'The frame is not a PNG image.');
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Save frame' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'The frame is not a PNG image.',
    );
    expect(screen.queryByRole('region', { name: 'Frames' })).toBeNull();
  });

  it('copies a saved frame as an image, and says so when the clipboard refuses', async () => {
    const { user } = setup('electron', {}, { ...clip, frames: [still] });
    const items: unknown[] = [];
    vi.stubGlobal(
      'ClipboardItem',
      class {
        constructor(readonly data: Record<string, Promise<Blob>>) {
          items.push(data);
        }
      },
    );
    const write = vi.spyOn(navigator.clipboard, 'write').mockResolvedValue();
    await user.click(await screen.findByRole('button', { name: 'Copy the frame at 0:03' }));
    await said('Copied the frame as an image.');
    expect(write).toHaveBeenCalledTimes(1);
    const blob = await (items[0] as Record<string, Promise<Blob>>)['image/png'];
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(png);
    expect(vi.mocked(fetch)).toHaveBeenCalledWith('clip://media/vid_1/frame-0');

    write.mockRejectedValue(new DOMException('Write permission denied.', 'NotAllowedError'));
    await user.click(screen.getByRole('button', { name: 'Copy the frame at 0:03' }));
    await said('Could not copy: the browser refused to put an image on the clipboard.');
  });

  it('starts a new job from a saved frame, as Continue from this frame does', async () => {
    const { user } = setup('browser', {}, { ...clip, frames: [still] });
    useNavStore.getState().go('Library');
    await user.click(
      await screen.findByRole('button', {
        name: 'Use as first frame: the frame at 0:03',
      }),
    );
    await waitFor(() => expect(useNavStore.getState().section).toBe('Compose'));
    expect(grabFrame).not.toHaveBeenCalled();
    const { form } = useComposeStore.getState();
    expect(form).toMatchObject({
      prompt: 'Red fox in snow',
      mode: 'image',
      continues: { clipId: 'vid_1', atSeconds: 3.2 },
    });
    expect(form.images.map((i) => i.input)).toEqual([
      { mime: 'image/png', dataBase64: 'iVBORw==' },
    ]);
  });
});

describe('the clip’s other actions', () => {
  it('copies the prompt', async () => {
    const { user } = setup('browser');
    await user.click(await screen.findByRole('button', { name: 'Copy prompt' }));
    expect(await navigator.clipboard.readText()).toBe('Red fox in snow');
    await said('Copied the prompt.');
  });

  it('opens the clip in the system player in the desktop app only', async () => {
    const { fake, user } = setup('electron');
    await user.click(await screen.findByRole('button', { name: 'More actions' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Open in the system player' }));
    await waitFor(() => expect(fake.callsOf('library.open')).toEqual([{ clipId: 'vid_1' }]));
  });

  it('offers no system player in the browser host', async () => {
    const { user } = setup('browser');
    await user.click(await screen.findByRole('button', { name: 'More actions' }));
    expect(await screen.findByRole('menuitem', { name: 'Export…' })).toBeTruthy();
    expect(screen.queryByRole('menuitem', { name: 'Open in the system player' })).toBeNull();
  });

  it('exports the clip as a ZIP download', async () => {
    const created = vi.fn(() => 'blob:zip');
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL = created;
        static override revokeObjectURL = vi.fn();
      },
    );
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    const { fake, user } = setup('browser');
    await user.click(await screen.findByRole('button', { name: 'More actions' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Export…' }));
    await waitFor(() => expect(fake.callsOf('library.export')).toEqual([{ clipIds: ['vid_1'] }]));
    await said(
      `Exported ${clip.name}.zip: unzip it into a folder and choose that folder as a library to open it.`,
    );
    expect(click).toHaveBeenCalledTimes(1);
    expect(created).toHaveBeenCalledTimes(1);
    click.mockRestore();
  });
});
