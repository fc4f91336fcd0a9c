import type { ImageInput } from '../../../../shared/jobDraft';
import type { ClipDetails } from '../../../../shared/library';
import { i18n } from '../../i18n';
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
  // The notice is kept as text by Compose: said now, in the UI's language at the remix.
  const notes: string[] = [
    clip.prompt === null
      ? i18n.t('library:remix.noPrompt')
      : i18n.t('library:remix.of', { prompt: promptText(clip.prompt, 60) }),
  ];
  if (missing > 0) notes.push(i18n.t('library:remix.imagesMissing', { count: missing }));
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
