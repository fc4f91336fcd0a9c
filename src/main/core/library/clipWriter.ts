import type { Clip } from '../../../shared/library';
import type { BlobStore } from '../ports';
import type { ClipSource } from './types';
import type { LibraryFolder } from './libraryFolder';
import { inputImageFile } from './naming';
import { iso, SIDECAR_VERSION, type Sidecar } from './sidecar';

/**
 * The last step of a download: the input images are copied next to the clip (the blob store
 * is the app's, the library the user's) and the sidecar is written — the file that makes the
 * clip appear, so it comes after the media is in place.
 */
export async function writeClip(
  library: LibraryFolder,
  blobs: BlobStore,
  source: ClipSource,
  base: string,
  savedAt: number,
): Promise<Clip> {
  const request = source.request;
  const inputImages: Sidecar['inputImages'] = [];
  for (const [index, image] of request.inputImages.entries()) {
    if ('url' in image) {
      inputImages.push({ url: image.url });
      continue;
    }
    // An image the app no longer has cannot be copied; the rest of the clip still is.
    if (!(await blobs.has(image.blobId))) continue;
    const file = inputImageFile(base, index, image.mime);
    await library.fs.writeFileAtomic(library.path(file), await blobs.get(image.blobId));
    inputImages.push({ file, mime: image.mime });
  }
  const sidecar: Sidecar = {
    version: SIDECAR_VERSION,
    taskId: source.taskId,
    prompt: request.prompt,
    model: request.model,
    mode: request.mode,
    // An imported task may not say how long it is (0): unknown, not zero seconds.
    durationSeconds: request.durationSeconds > 0 ? request.durationSeconds : null,
    aspectRatio: request.aspectRatio ?? null,
    quality: request.quality ?? null,
    seed: request.seed ?? null,
    sound: request.sound ?? null,
    inputImages,
    costCents: source.costCents,
    createdAt: iso(source.createdAt),
    completedAt: iso(source.completedAt),
    savedAt: iso(savedAt),
    favourite: false,
    tags: [],
  };
  return library.writeClip(base, sidecar);
}
