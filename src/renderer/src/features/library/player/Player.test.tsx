import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useRef, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dialog } from '../../common/Dialog';
import { Player } from './Player';

// The player in a dialog beside a field and a button, as the clip dialog has them. jsdom plays
// nothing: the video gets a duration, and play/pause that fire their events as a browser does.
function Harness({ sound }: { sound: boolean }) {
  const video = useRef<HTMLVideoElement>(null);
  const [tag, setTag] = useState('');
  const [pressed, setPressed] = useState(0);
  return (
    <Dialog title="Red fox" onClose={() => undefined}>
      <Player video={video} src="clip://media/vid_1.mp4" sound={sound} />
      <input aria-label="Add tag" value={tag} onChange={(e) => setTag(e.target.value)} />
      <button type="button" onClick={() => setPressed((n) => n + 1)}>
        Favourite {pressed}
      </button>
    </Dialog>
  );
}

function setup(sound = true) {
  render(<Harness sound={sound} />);
  const video = screen.getByLabelText<HTMLVideoElement>('Clip player');
  let paused = true;
  Object.defineProperty(video, 'duration', { get: () => 8 });
  Object.defineProperty(video, 'paused', { get: () => paused });
  const play = vi.spyOn(video, 'play').mockImplementation(() => {
    paused = false;
    fireEvent(video, new Event('play'));
    return Promise.resolve();
  });
  const pause = vi.spyOn(video, 'pause').mockImplementation(() => {
    if (paused) return;
    paused = true;
    fireEvent(video, new Event('pause'));
  });
  fireEvent(video, new Event('loadedmetadata'));
  return { video, play, pause, user: userEvent.setup() };
}

const time = () => screen.getByText(/ \/ 00:08\.00/).textContent;
const button = (name: string | RegExp) => screen.getByRole('button', { name });

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the clip player', () => {
  it('steps frame by frame with , and . and shows the time code and frame number', async () => {
    const { video, user } = setup();
    expect(time()).toBe('00:00.00 / 00:08.00frame 1 of 192');
    expect(screen.getByText('24 fps (assumed: the clip does not say)')).toBeTruthy();
    video.focus();
    await user.keyboard('...');
    expect(time()).toBe('00:00.03 / 00:08.00frame 4 of 192');
    expect(video.currentTime).toBeCloseTo(3.5 / 24);
    await user.keyboard(',');
    expect(time()).toContain('frame 3 of 192');
    await user.click(button('Next frame'));
    expect(time()).toContain('frame 4 of 192');
    expect(screen.getByRole('slider', { name: 'Position' }).getAttribute('aria-valuetext')).toBe(
      '00:00.03, frame 4 of 192',
    );
  });

  it('plays and pauses with Space, the button and K; L twice plays at 2×', async () => {
    const { video, play, pause, user } = setup();
    video.focus();
    await user.keyboard(' ');
    expect(play).toHaveBeenCalledTimes(1);
    expect(button('Pause')).toBeTruthy();
    await user.keyboard('k');
    expect(pause).toHaveBeenCalledTimes(1);
    expect(button('Play')).toBeTruthy();
    await user.keyboard('ll');
    expect(video.playbackRate).toBe(2);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Speed' }).value).toBe('2');
    await user.click(button('Pause'));
    expect(video.paused).toBe(true);
    // A frame step pauses a playing clip: the frame it lands on stays in view.
    await user.click(button('Play'));
    await user.keyboard('.');
    expect(video.paused).toBe(true);
  });

  it('J plays backwards by stepping the picture back, and stops at the start', () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
    const { video, play } = setup();
    video.currentTime = 2;
    fireEvent(video, new Event('seeked'));
    video.focus();
    fireEvent.keyDown(video, { key: 'j' });
    expect(button('Pause')).toBeTruthy();
    act(() => void vi.advanceTimersByTime(1000));
    expect(video.currentTime).toBeGreaterThan(0.9);
    expect(video.currentTime).toBeLessThan(1.1);
    fireEvent.keyDown(video, { key: 'j' });
    act(() => void vi.advanceTimersByTime(1000));
    expect(video.currentTime).toBe(0);
    expect(button('Play')).toBeTruthy();
    // The video itself never plays: its picture is moved back.
    expect(play).not.toHaveBeenCalled();
    expect(video.paused).toBe(true);
  });

  it('moves 1 s with the arrows and to the ends with Home and End', async () => {
    const { video, user } = setup();
    video.focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(video.currentTime).toBe(2);
    await user.keyboard('{ArrowLeft}');
    expect(video.currentTime).toBe(1);
    await user.keyboard('{End}');
    expect(time()).toBe('00:07.23 / 00:08.00frame 192 of 192');
    await user.keyboard('{Home}');
    expect(video.currentTime).toBe(0);
  });

  it('an A–B loop wraps playback from B back to A, and is cleared', async () => {
    const { video, user } = setup();
    const seek = (to: number) => {
      video.currentTime = to;
      fireEvent(video, new Event('seeking'));
      fireEvent(video, new Event('seeked'));
    };
    seek(1);
    await user.click(button('Set A'));
    expect(screen.getByText('A at 00:01.00: set B')).toBeTruthy();
    seek(0.5);
    await user.click(button('Set B'));
    expect(screen.getByRole('alert').textContent).toBe(
      'B must come after A (00:01.00): move past it first.',
    );
    seek(2);
    await user.click(button('Set B'));
    expect(screen.getByText('A–B loop: 00:01.00 to 00:02.00')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    await user.click(button('Play'));
    video.currentTime = 1.9;
    fireEvent(video, new Event('timeupdate'));
    video.currentTime = 2.05;
    fireEvent(video, new Event('timeupdate'));
    expect(video.currentTime).toBe(1);

    await user.click(button('Clear A–B'));
    expect(screen.queryByText(/A–B loop/)).toBeNull();
    video.currentTime = 2.05;
    fireEvent(video, new Event('timeupdate'));
    expect(video.currentTime).toBe(2.05);
  });

  it('Loop repeats the clip, and an A–B loop takes over its end', async () => {
    const { video, play, user } = setup();
    await user.click(button('Loop'));
    expect(button('Loop').getAttribute('aria-pressed')).toBe('true');
    expect(video.loop).toBe(true);
    video.currentTime = 7;
    fireEvent(video, new Event('seeked'));
    await user.click(button('Set B'));
    expect(video.loop).toBe(false);
    // B at 7 s never passes if the clip ends first: the end goes back to A.
    fireEvent(video, new Event('ended'));
    expect(video.currentTime).toBe(0);
    expect(play).toHaveBeenCalled();
  });

  it('sets the speed, mutes and sets the volume', async () => {
    const { video, user } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Speed' }), '0.5×');
    expect(video.playbackRate).toBe(0.5);
    await user.click(button('Mute'));
    expect(video.muted).toBe(true);
    await waitFor(() => expect(button('Mute').getAttribute('aria-pressed')).toBe('true'));
    await user.keyboard('m');
    expect(video.muted).toBe(false);
    const volume = await screen.findByRole('slider', { name: 'Volume' });
    await waitFor(() => expect(volume.getAttribute('aria-valuenow')).toBe('100'));
    volume.focus();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(video.volume).toBeCloseTo(0.9);
    // The slider's own arrows: the playhead did not move.
    expect(video.currentTime).toBe(0);
  });

  it('has no sound controls for a clip made without sound', () => {
    setup(false);
    expect(screen.queryByRole('button', { name: 'Mute' })).toBeNull();
    expect(screen.queryByRole('slider', { name: 'Volume' })).toBeNull();
  });

  it('goes full screen on the player box, from the button or F', async () => {
    const { video, user } = setup();
    const box = video.parentElement as HTMLElement;
    let full: Element | null = null;
    Object.defineProperty(document, 'fullscreenElement', { configurable: true, get: () => full });
    const change = (to: Element | null) => {
      full = to;
      fireEvent(document, new Event('fullscreenchange'));
      return Promise.resolve();
    };
    const enter = vi.fn(() => change(box));
    const exit = vi.fn(() => change(null));
    box.requestFullscreen = enter;
    document.exitFullscreen = exit;
    await user.click(button('Full screen'));
    expect(enter).toHaveBeenCalled();
    expect(button('Exit full screen')).toBeTruthy();
    await user.keyboard('f');
    expect(exit).toHaveBeenCalled();
    expect(button('Full screen')).toBeTruthy();
    Reflect.deleteProperty(document, 'fullscreenElement');
    Reflect.deleteProperty(document, 'exitFullscreen');
  });

  it('lists its keys in a panel that the button and ? open', async () => {
    const { video, user } = setup();
    const toggle = button('Keyboard shortcuts');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('region', { name: 'Keyboard shortcuts' })).toBeNull();
    video.focus();
    await user.keyboard('?');
    const help = screen.getByRole('region', { name: 'Keyboard shortcuts' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(help).getByText('Play backwards; press again for 2×')).toBeTruthy();
    expect(within(help).getByText('Space')).toBeTruthy();
    await user.click(toggle);
    expect(screen.queryByRole('region', { name: 'Keyboard shortcuts' })).toBeNull();
  });
});

describe('the player’s keys answer only where they should', () => {
  it('never while typing in a field of the dialog', async () => {
    const { video, play, user } = setup();
    await user.type(screen.getByLabelText('Add tag'), 'jkl .,');
    expect(screen.getByLabelText<HTMLInputElement>('Add tag').value).toBe('jkl .,');
    expect(play).not.toHaveBeenCalled();
    expect(video.currentTime).toBe(0);
  });

  it('elsewhere in the dialog, except the keys its control uses', async () => {
    const { video, play, user } = setup();
    const favourite = button(/Favourite/);
    favourite.focus();
    await user.keyboard('.');
    expect(time()).toContain('frame 2 of 192');
    await user.keyboard(' ');
    expect(button('Favourite 1')).toBeTruthy();
    expect(play).not.toHaveBeenCalled();
    expect(video.paused).toBe(true);
  });

  it('not when focus is outside the dialog', () => {
    const { video } = setup();
    fireEvent.keyDown(document.body, { key: '.' });
    expect(video.currentTime).toBe(0);
  });
});

describe('the frame rate', () => {
  afterEach(() => {
    cleanup();
    Reflect.deleteProperty(HTMLVideoElement.prototype, 'requestVideoFrameCallback');
    Reflect.deleteProperty(HTMLVideoElement.prototype, 'cancelVideoFrameCallback');
  });

  it('is measured from the frames the browser shows while the clip plays', async () => {
    // Chromium's requestVideoFrameCallback: each shown frame calls back with its media time.
    const callbacks: VideoFrameRequestCallback[] = [];
    Object.defineProperty(HTMLVideoElement.prototype, 'requestVideoFrameCallback', {
      configurable: true,
      value: (callback: VideoFrameRequestCallback) => callbacks.push(callback),
    });
    Object.defineProperty(HTMLVideoElement.prototype, 'cancelVideoFrameCallback', {
      configurable: true,
      value: () => undefined,
    });
    const { video, user } = setup();
    const show = (mediaTime: number) =>
      act(() => callbacks.at(-1)?.(0, { mediaTime } as VideoFrameCallbackMetadata));
    // Frames shown while paused (after a seek, say) are not a rate.
    for (let i = 0; i < 12; i++) show(i);
    expect(screen.getByText(/assumed/)).toBeTruthy();
    await user.click(button('Play'));
    for (let i = 0; i < 12; i++) show(3 + i / 25);
    expect(screen.getByText('25 fps')).toBeTruthy();
    // Frame steps are now 25ths of a second.
    video.focus();
    await user.keyboard('.');
    expect(video.currentTime).toBeCloseTo(1.5 / 25);
  });
});
