import type { ImageInput } from '../../../../shared/jobDraft';
import type { ClipDetails } from '../../../../shared/library';
import type { Prefill } from '../compose';
import { promptText } from './promptText';

/**
 * A clip's settings and input images as a new compose form. Images kept as files in the
 * library are named by clip and place (main reads them when the job is queued) and shown by
 * their file's name in the library folder; a link that is not https cannot be sent again, so
 * it is left out and said so.
 */
export function remixOf(clip: ClipDetails): Prefill {
  const images: ImageInput[] = [];
  const imageNames: string[] = [];
  let missing = 0;
  for (const [index, image] of clip.inputImages.entries()) {
    if ('url' in image && !image.url.startsWith('https://')) {
      missing++;
      continue;
    }
    images.push('url' in image ? { url: image.url } : { clipId: clip.id, index });
    imageNames.push('url' in image ? image.url : image.file);
  }
  const notes = [
    clip.prompt === null
      ? 'Remix with the same settings: the server never said which prompt made this clip, so write one.'
      : `Remix of “${promptText(clip.prompt, 60)}” with the same settings.`,
  ];
  if (missing > 0)
    notes.push(
      `${missing} of its input images could not be brought along: add ${missing > 1 ? 'them' : 'it'} again.`,
    );
  return {
    request: {
      modelId: clip.model,
      prompt: clip.prompt ?? '',
      mode: clip.mode,
      ...(clip.durationSeconds !== null ? { durationSeconds: clip.durationSeconds } : {}),
      aspectRatio: clip.aspectRatio,
      quality: clip.quality,
      seed: clip.seed === null ? '' : String(clip.seed),
      sound: clip.sound ?? false,
      inputImages: images,
    },
    imageNames,
    notice: notes.join(' '),
  };
}
