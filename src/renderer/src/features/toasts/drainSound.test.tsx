import { waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notification } from './toastsStore';
import { defaultSettings } from '../../../../shared/settings';
import {
  connectBackend,
  createFakeBackend,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { renderWithStores } from '../../testSupport/renderWithStores';
import { useSettingsStore } from '../settings';
import { resetDrainToneForTests } from './drainSound';
import { Toasts } from './Toasts';

setupRendererTests();

/** What the tone asked of WebAudio: the notes, when it starts and stops, where it goes. */
const played: { notes: number[]; start: number; stop: number; toSpeakers: boolean }[] = [];
let contexts = 0;

class FakeAudioContext {
  state = 'running';
  currentTime = 10;
  destination = { speakers: true };
  constructor() {
    contexts += 1;
  }
  resume = () => Promise.resolve();
  createGain() {
    const param = { setValueAtTime: vi.fn(), exponentialRampToValueAtTime: vi.fn() };
    const node = {
      gain: param,
      connect: (to: unknown) => {
        const tone = played.at(-1);
        if (tone) tone.toSpeakers = to === this.destination;
        return to;
      },
    };
    return node;
  }
  createOscillator() {
    const tone = { notes: [] as number[], start: NaN, stop: NaN, toSpeakers: false };
    played.push(tone);
    return {
      type: 'square',
      frequency: { setValueAtTime: (hz: number) => tone.notes.push(hz) },
      connect: <T,>(to: T) => to,
      start: (at: number) => (tone.start = at),
      stop: (at: number) => (tone.stop = at),
    };
  }
}

const drained: Notification = {
  kind: 'drained',
  title: 'Queue done',
  body: '50 clips ready, 2 failed and refunded, $98.40',
  jobId: 'j50',
};

async function setup(drainSound: boolean) {
  const fake = createFakeBackend({
    'settings.get': () => ({
      settings: { ...defaultSettings, drainSound },
      hasApiKey: true,
      keyStorage: 'os-encrypted',
      secureStorageAvailable: true,
    }),
  });
  connectBackend(fake);
  renderWithStores(<Toasts />);
  await waitFor(() => expect(useSettingsStore.getState().view).not.toBeNull());
  return fake;
}

describe('the sound when the queue or a batch drains', () => {
  beforeEach(() => {
    played.length = 0;
    contexts = 0;
    resetDrainToneForTests();
    vi.stubGlobal('AudioContext', FakeAudioContext);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('plays a short tone with the drained notification when the setting is on', async () => {
    const fake = await setup(true);
    fake.emit('notification.shown', drained);
    expect(played).toHaveLength(1);
    const [tone] = played;
    expect(tone?.notes).toEqual([660, 880]);
    expect(tone?.start).toBe(10);
    // Short: well under a second, then the oscillator stops.
    expect((tone?.stop ?? Infinity) - 10).toBeLessThan(0.5);
    expect(tone?.toSpeakers).toBe(true);
    // One context for the app's life, however many batches drain.
    fake.emit('notification.shown', { ...drained, batchId: 'b1' });
    expect(played).toHaveLength(2);
    expect(contexts).toBe(1);
  });

  it('stays silent for the other notifications', async () => {
    const on = await setup(true);
    on.emit('notification.shown', { ...drained, kind: 'ready', clipId: 'vid_1' });
    on.emit('notification.shown', { ...drained, kind: 'failed' });
    expect(played).toHaveLength(0);
  });

  it('is off unless turned on', async () => {
    expect(defaultSettings.drainSound).toBe(false);
    const fake = await setup(false);
    fake.emit('notification.shown', drained);
    expect(played).toHaveLength(0);
    expect(contexts).toBe(0);
  });
});
