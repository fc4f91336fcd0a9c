import type { ImageMime } from '../../../shared/jobs';
import type { ClipEntry } from './libraryIndex';

/**
 * A clip's input image at `index` when it is a file kept with the clip: only a name its
 * sidecar gives and that sits next to the clip (`<base>.…`), so a sidecar edited by hand
 * cannot point the app at another file of the folder.
 */
export function inputImageFileOf(
  entry: ClipEntry,
  index: number,
): { file: string; mime: ImageMime } | undefined {
  const image = entry.sidecar.inputImages[index];
  if (!image || !('file' in image) || !image.file.startsWith(`${entry.base}.`)) return undefined;
  return image;
}
