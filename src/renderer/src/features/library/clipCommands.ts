import type { SaveFrameResponse } from '../../../../shared/library';
import { api } from '../../api/client';
import { blobToBase64 } from '../compose';
import type { Frame } from './frameGrab';

/** No clip is longer than a job may ask for; a player's time may run a hair past the end. */
const MAX_SECONDS = 600;

/** Saves a still of the clip into the library, next to it (`library.saveFrame`). */
export async function saveStill(clipId: string, frame: Frame): Promise<SaveFrameResponse> {
  const atSeconds = Math.min(MAX_SECONDS, Math.max(0, Math.round(frame.atSeconds * 1000) / 1000));
  return api().invoke('library.saveFrame', {
    clipId,
    atSeconds,
    pngBase64: await blobToBase64(frame.blob),
  });
}

/** Plays the clip in the system's video player (the desktop app). */
export async function openInSystemPlayer(clipId: string): Promise<void> {
  await api().invoke('library.open', { clipId });
}
