import type { ClipDetails } from '../../../../shared/library';
import { i18n } from '../../i18n';
import { formatClock } from '../common/format';
import { blobToBase64, type Prefill } from '../compose';
import type { Frame } from './frameGrab';

/** Where in a clip a job may start from: no video is longer than a job may ask for. */
const MAX_SECONDS = 600;

/**
 * A new image-mode job that starts from a frame of `clip`: the frame as its first image, the
 * clip's prompt and settings (a fresh seed: it is a new shot), and the clip as its parent.
 */
export async function continueOf(clip: ClipDetails, frame: Frame): Promise<Prefill> {
  const atSeconds = Math.min(MAX_SECONDS, Math.round(frame.atSeconds * 1000) / 1000);
  const dataBase64 = await blobToBase64(frame.blob);
  return {
    request: {
      modelId: clip.model,
      prompt: clip.prompt ?? '',
      mode: 'image',
      ...(clip.durationSeconds !== null ? { durationSeconds: clip.durationSeconds } : {}),
      aspectRatio: clip.aspectRatio,
      quality: clip.quality,
      sound: clip.sound ?? false,
      inputImages: [{ mime: 'image/png', dataBase64 }],
      continues: { clipId: clip.id, name: clip.name, atSeconds },
    },
    imageNames: [i18n.t('library:chain.frameName', { at: formatClock(atSeconds * 1000) })],
  };
}
