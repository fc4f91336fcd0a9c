import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupRendererTests } from '../../testSupport/fakeBackend';
import {
  card,
  checkbox,
  grid,
  renderLibrary,
  selectedCount,
  testClip,
  giveGridASize,
} from '../../testSupport/libraryBackend';

setupRendererTests();
giveGridASize();

const clips = (count: number) => Array.from({ length: count }, (_, i) => testClip(i + 1));

describe('hover-scrub', () => {
  let frames: FrameRequestCallback[];
  let seeks: number[];
  const flushFrames = () => frames.splice(0).forEach((run) => run(0));

  beforeEach(() => {
    frames = [];
    seeks = [];
    vi.stubGlobal('requestAnimationFrame', (run: FrameRequestCallback) => frames.push(run));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
    // jsdom plays nothing: a video that knows its duration (8 s) and records each seek.
    vi.spyOn(HTMLMediaElement.prototype, 'duration', 'get').mockReturnValue(8);
    vi.spyOn(HTMLMediaElement.prototype, 'readyState', 'get').mockReturnValue(1);
    vi.spyOn(HTMLMediaElement.prototype, 'currentTime', 'set').mockImplementation((t: number) => {
      seeks.push(t);
    });
    vi.spyOn(HTMLMediaElement.prototype, 'load').mockImplementation(() => undefined);
    // The poster spans x 100…300.
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(
      DOMRect.fromRect({ x: 100, y: 0, width: 200, height: 112 }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  const poster = async () => {
    const button = await screen.findByRole('button', { name: /^Clip number 1(?!\d)/ });
    return button.querySelector<HTMLElement>('.poster')!;
  };
  const at = (fraction: number) => ({ clientX: 100 + 200 * fraction, pointerType: 'mouse' });

  it('gives only the hovered card a video, seeks where the pointer is, one seek at a time', async () => {
    renderLibrary(clips(3));
    const target = await poster();
    expect(grid().querySelectorAll('video')).toHaveLength(0);
    // Frames the virtualizer asked for so far are not the scrub's.
    flushFrames();

    fireEvent.pointerEnter(target, at(0.25));
    const video = target.querySelector('video')!;
    expect(grid().querySelectorAll('video')).toHaveLength(1);
    expect(video.getAttribute('src')).toBe('/media/vid_1/video');
    expect(video.muted).toBe(true);
    expect(video.getAttribute('preload')).toBe('metadata');
    // The poster stays until a frame has been sought.
    expect(video.classList.contains('shown')).toBe(false);
    expect(target.querySelector('img')).toBeTruthy();

    fireEvent.loadedMetadata(video);
    for (const x of [0.4, 0.5, 0.75]) fireEvent.pointerMove(target, at(x));
    expect(frames).toHaveLength(1);
    flushFrames();
    expect(seeks).toEqual([6]);

    // Moves during the seek wait for it; only the latest place is sought next.
    fireEvent.pointerMove(target, at(0.2));
    fireEvent.pointerMove(target, at(0.1));
    flushFrames();
    expect(seeks).toEqual([6]);
    fireEvent.seeked(video);
    expect(video.classList.contains('shown')).toBe(true);
    flushFrames();
    expect(seeks).toEqual([6, 0.8]);
    fireEvent.seeked(video);

    // Past the end: just short of it (a seek to the very end shows no frame).
    fireEvent.pointerMove(target, at(1.2));
    flushFrames();
    expect(seeks.at(-1)).toBeCloseTo(7.95);

    fireEvent.pointerLeave(target, at(1.2));
    expect(grid().querySelectorAll('video')).toHaveLength(0);
  });

  it('does not scrub by touch or with reduced motion; the keyboard opens the clip', async () => {
    const { user } = renderLibrary(clips(3));
    const target = await poster();
    fireEvent.pointerEnter(target, { ...at(0.5), pointerType: 'touch' });
    expect(target.querySelector('video')).toBeNull();

    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query === '(prefers-reduced-motion: reduce)',
    }));
    fireEvent.pointerEnter(target, at(0.5));
    fireEvent.pointerMove(target, at(0.6));
    expect(target.querySelector('video')).toBeNull();
    expect(seeks).toEqual([]);

    card('Clip number 1').focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('dialog', { name: 'Clip number 1' })).toBeTruthy();
  });
});

describe('selection', () => {
  it('toggles with Ctrl/Cmd+click, selects a range with Shift+click, and a plain click opens', async () => {
    const { user } = renderLibrary(clips(8));
    await screen.findByRole('button', { name: /^Clip number 8(?!\d)/ });

    await user.keyboard('{Control>}');
    await user.click(card('Clip number 2'));
    await user.keyboard('{/Control}');
    expect(checkbox('Clip number 2')).toHaveProperty('checked', true);
    expect(screen.getByRole('group', { name: 'Selected clips' }).textContent).toContain(
      '1 selected',
    );
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.keyboard('{Shift>}');
    await user.click(card('Clip number 5'));
    await user.keyboard('{/Shift}');
    await waitFor(() => expect(selectedCount()).toBe(4));
    for (const n of [2, 3, 4, 5])
      expect(checkbox(`Clip number ${n}`)).toHaveProperty('checked', true);

    await user.keyboard('{Meta>}');
    await user.click(card('Clip number 3'));
    await user.keyboard('{/Meta}');
    expect(checkbox('Clip number 3')).toHaveProperty('checked', false);
    // The checkbox toggles too.
    await user.click(checkbox('Clip number 8'));
    expect(selectedCount()).toBe(4);

    await user.click(card('Clip number 7'));
    expect(await screen.findByRole('dialog', { name: 'Clip number 7' })).toBeTruthy();
  });

  it('by keyboard: Space toggles, Shift+Space extends, Enter still opens, Escape clears', async () => {
    const { user } = renderLibrary(clips(8));
    await screen.findByRole('button', { name: /^Clip number 8(?!\d)/ });
    card('Clip number 1').focus();
    await user.keyboard(' ');
    expect(checkbox('Clip number 1')).toHaveProperty('checked', true);
    expect(screen.queryByRole('dialog')).toBeNull();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    await waitFor(() => expect(document.activeElement).toBe(card('Clip number 3')));
    await user.keyboard('{Shift>} {/Shift}');
    await waitFor(() => expect(selectedCount()).toBe(3));
    await user.keyboard(' ');
    expect(checkbox('Clip number 3')).toHaveProperty('checked', false);

    await user.keyboard('{Escape}');
    expect(selectedCount()).toBe(0);
    expect(screen.queryByRole('group', { name: 'Selected clips' })).toBeNull();

    await user.keyboard('{Enter}');
    expect(await screen.findByRole('dialog', { name: 'Clip number 3' })).toBeTruthy();
  });

  it('Ctrl+A selects every clip the search shows, pages never scrolled to included', async () => {
    const { user, searches } = renderLibrary(clips(1_234));
    await screen.findByText('1,234 clips');
    await screen.findByRole('button', { name: /^Clip number 1(?!\d)/ });
    card('Clip number 1').focus();
    await user.keyboard('{Control>}a{/Control}');
    const bar = await screen.findByRole('group', { name: 'Selected clips' });
    await waitFor(() => expect(bar.textContent).toContain('1,234 selected'));
    // The gaps asked of main in pages of 500 at most, from where the loaded clips end.
    const gaps = searches.filter((s) => (s.limit ?? 0) > 100);
    expect(gaps.map((s) => [s.offset, s.limit])).toEqual([
      [100, 500],
      [600, 500],
      [1100, 134],
    ]);
    await user.click(within(bar).getByRole('button', { name: 'Clear selection' }));
    expect(screen.queryByRole('group', { name: 'Selected clips' })).toBeNull();
  });
});
