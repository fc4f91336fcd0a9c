import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClipDetails } from '../../../../../shared/library';
import {
  connectBackend,
  createFakeBackend,
  setupRendererTests,
} from '../../../testSupport/fakeBackend';
import { renderWithStores } from '../../../testSupport/renderWithStores';
import { useLibraryStore } from '../libraryStore';
import { Compare } from './Compare';
import { FRAME_SECONDS } from './compareSync';

setupRendererTests();

const frame = FRAME_SECONDS;

// jsdom plays nothing: play and pause only say whether the video is paused.
const setPaused = (video: HTMLMediaElement, paused: boolean) =>
  Object.defineProperty(video, 'paused', { configurable: true, value: paused });
beforeEach(() => {
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (
    this: HTMLMediaElement,
  ) {
    setPaused(this, false);
    return Promise.resolve();
  });
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(function (
    this: HTMLMediaElement,
  ) {
    setPaused(this, true);
  });
});

const clip = (n: number, change: Partial<ClipDetails> = {}): ClipDetails => ({
  id: `vid_${n}`,
  taskId: `vid_${n}`,
  name: `2025-01-01_1200_clip-${n}_vid_${n}`,
  prompt: 'A red fox in snow',
  model: 'wan-2.6',
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
  inputImages: [],
  savedAt: null,
  parentFrameSeconds: null,
  parent: null,
  children: [],
  ...change,
});

/** The Compare view as the library shows it: open while the store names clips to compare. */
function Open() {
  const compare = useLibraryStore((s) => s.compare);
  return compare ? <Compare ids={compare} /> : null;
}

function setup(clips: ClipDetails[]) {
  const fake = createFakeBackend({
    'library.get': ({ clipId }) => {
      const found = clips.find((c) => c.id === clipId);
      if (!found) throw new Error(`no clip ${clipId}`);
      return found;
    },
  });
  connectBackend(fake);
  renderWithStores(<Open />);
  act(() => useLibraryStore.getState().openCompare(clips.map((c) => c.id)));
  return { fake, user: userEvent.setup() };
}

const view = () => screen.getByRole('dialog', { name: 'Compare clips' });
const player = (n: number) => within(view()).getByLabelText<HTMLVideoElement>(`Clip ${n} player`);
const figure = (n: number) => within(view()).getByRole('figure', { name: `Clip ${n}` });
const scrubber = () => within(view()).getByRole('slider', { name: 'Position' });
const marks = (n: number) => [...figure(n).querySelectorAll('mark')].map((m) => m.textContent);

describe('the Compare view', () => {
  it('shows each clip with its parameters, what differs marked: seed, model, duration and prompt words', async () => {
    setup([
      clip(1, { seed: 11 }),
      clip(2, { seed: 42, prompt: 'A grey fox in snow', model: 'kling-1', durationSeconds: 5 }),
    ]);
    await screen.findByLabelText('Clip 2 player');
    expect(marks(1)).toEqual([
      'red (not in every prompt)',
      'wan-2.6 (differs)',
      '8 s (differs)',
      '11 (differs)',
    ]);
    expect(marks(2)).toEqual([
      'grey (not in every prompt)',
      'kling-1 (differs)',
      '5 s (differs)',
      '42 (differs)',
    ]);
    // What is the same is listed, not marked.
    expect(within(figure(1)).getByText('720p').closest('mark')).toBeNull();
    expect(within(figure(1)).getByText('$3.20').closest('mark')).toBeNull();
    expect(player(1).getAttribute('src')).toBe('/media/vid_1/video');
  });

  it('seeks every clip with the one scrubber; a shorter clip holds its last frame', async () => {
    setup([clip(1, { durationSeconds: 8 }), clip(2, { durationSeconds: 5, seed: 3 })]);
    await screen.findByLabelText('Clip 2 player');
    // The scrubber counts frames: 8 s are frames 0 to 191.
    expect(scrubber().getAttribute('max')).toBe('191');

    fireEvent.change(scrubber(), { target: { value: '96' } });
    // The middle of frame 96, where a seek shows that frame and not the one before.
    expect(player(1).currentTime).toBeCloseTo(96.5 * frame, 9);
    expect(player(2).currentTime).toBeCloseTo(96.5 * frame, 9);
    expect(within(figure(2)).queryByText('Ended: holds its last frame')).toBeNull();

    fireEvent.change(scrubber(), { target: { value: '156' } });
    expect(player(1).currentTime).toBeCloseTo(156.5 * frame, 9);
    expect(player(2).currentTime).toBe(5);
    expect(within(figure(2)).getByText('Ended: holds its last frame')).toBeTruthy();
    expect(scrubber().getAttribute('aria-valuetext')).toBe('6.52 s of 8 s · frame 156');
  });

  it('steps every clip one frame with , and . and the frame buttons', async () => {
    const { user } = setup([clip(1), clip(2, { seed: 3 })]);
    await screen.findByLabelText('Clip 2 player');
    fireEvent.change(scrubber(), { target: { value: '48' } });

    await user.keyboard('.');
    expect(player(1).currentTime).toBeCloseTo(49.5 * frame, 9);
    expect(player(2).currentTime).toBeCloseTo(49.5 * frame, 9);
    await user.click(within(view()).getByRole('button', { name: 'Next frame' }));
    expect(player(2).currentTime).toBeCloseTo(50.5 * frame, 9);

    await user.keyboard(',,,');
    expect(player(1).currentTime).toBeCloseTo(47.5 * frame, 9);
    expect(player(2).currentTime).toBeCloseTo(47.5 * frame, 9);
    await user.click(within(view()).getByRole('button', { name: 'Previous frame' }));
    expect(player(1).currentTime).toBeCloseTo(46.5 * frame, 9);
    expect(scrubber().getAttribute('aria-valuetext')).toBe('1.94 s of 8 s · frame 46');
  });

  it('plays and pauses all on one clock: a follower drifting more than a frame is put back', async () => {
    const { user } = setup([clip(1, { durationSeconds: 5 }), clip(2, { durationSeconds: 8 })]);
    await screen.findByLabelText('Clip 2 player');
    await user.click(within(view()).getByRole('button', { name: 'Play' }));
    expect(player(1).paused).toBe(false);
    expect(player(2).paused).toBe(false);

    // Clip 2 is the longer, so it leads; clip 1 lags by half a frame, then by two.
    const leader = player(2);
    leader.currentTime = 2;
    player(1).currentTime = 2 - frame / 2;
    fireEvent.timeUpdate(leader);
    expect(player(1).currentTime).toBe(2 - frame / 2);
    leader.currentTime = 3;
    player(1).currentTime = 3 - 2 * frame;
    fireEvent.timeUpdate(leader);
    expect(player(1).currentTime).toBe(3);

    // Past the end of clip 1, it holds its last frame while clip 2 plays on.
    leader.currentTime = 6;
    fireEvent.timeUpdate(leader);
    expect(player(1).currentTime).toBe(5);
    expect(player(1).paused).toBe(true);
    expect(leader.paused).toBe(false);

    leader.currentTime = 6.2;
    await user.click(within(view()).getByRole('button', { name: 'Pause' }));
    expect(leader.paused).toBe(true);
    expect(player(1).currentTime).toBe(5);
    expect(leader.currentTime).toBe(6.2);
    expect(within(view()).getByRole('button', { name: 'Play' })).toBeTruthy();
  });

  it('lays four clips out two by two', async () => {
    setup([clip(1), clip(2, { seed: 2 }), clip(3, { seed: 3 }), clip(4, { seed: 4 })]);
    await screen.findByLabelText('Clip 4 player');
    expect(within(view()).getAllByRole('figure')).toHaveLength(4);
    expect(figure(1).parentElement?.className).toContain('compare-4');
  });

  it('closes with Close and with Escape', async () => {
    const { user } = setup([clip(1), clip(2)]);
    await screen.findByLabelText('Clip 2 player');
    await user.click(within(view()).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useLibraryStore.getState().compare).toBeNull();

    act(() => useLibraryStore.getState().openCompare(['vid_1', 'vid_2']));
    await screen.findByLabelText('Clip 2 player');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('says when a clip cannot be loaded', async () => {
    setup([clip(1)]);
    act(() => useLibraryStore.getState().openCompare(['vid_1', 'vid_gone']));
    expect((await within(view()).findByRole('alert')).textContent).toMatch(
      /^Could not open the clips to compare: /,
    );
  });
});

describe('openCompare', () => {
  it('takes two to four different clips and ignores any other number', () => {
    const { openCompare, closeCompare } = useLibraryStore.getState();
    openCompare(['a']);
    expect(useLibraryStore.getState().compare).toBeNull();
    openCompare(['a', 'b', 'c', 'd', 'e']);
    expect(useLibraryStore.getState().compare).toBeNull();
    openCompare(['a', 'a']);
    expect(useLibraryStore.getState().compare).toBeNull();
    openCompare(['a', 'b', 'a']);
    expect(useLibraryStore.getState().compare).toEqual(['a', 'b']);
    closeCompare();
    expect(useLibraryStore.getState().compare).toBeNull();
  });
});
