import type { Clip } from '../../../shared/library';
import type { BlobStore } from '../ports';
import type { ClipSource } from './types';
import type { LibraryFolder } from './libraryFolder';
import { inputImageFile } from './naming';
import { iso, Sidecar, SIDECAR_VERSION, type UnknownField } from './sidecar';

/**
 * The last step of a download: the input images are copied next to the clip (the blob store
 * is the app's, the library the user's) and the sidecar is written — the file that makes the
 * clip appear, so it comes after the media is in place. Values from the server that a
 * sidecar cannot hold (a negative cost, an empty model) are left unknown instead: a sidecar
 * the next start cannot read would make a saved clip vanish.
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
  const unknown = new Set<UnknownField>(source.unknown);
  if (!request.model) unknown.add('model');
  const sidecar: Sidecar = {
    version: SIDECAR_VERSION,
    taskId: source.taskId,
    prompt: request.prompt,
    model: request.model || 'unknown',
    mode: request.mode,
    // An imported task may not say how long it is (0): unknown, not zero seconds.
    durationSeconds: request.durationSeconds > 0 ? request.durationSeconds : null,
    aspectRatio: request.aspectRatio ?? null,
    quality: request.quality ?? null,
    seed: request.seed ?? null,
    sound: request.sound ?? null,
    inputImages,
    costCents: amount(source.costCents),
    createdAt: iso(source.createdAt),
    completedAt: isTime(source.completedAt) ? iso(source.completedAt) : null,
    savedAt: iso(savedAt),
    favourite: false,
    tags: [],
    ...(unknown.size > 0 ? { unknown: [...unknown] } : {}),
    ...(request.parentClipId === undefined
      ? {}
      : {
          parent: { clipId: request.parentClipId, atSeconds: request.parentFrameSeconds ?? null },
        }),
  };
  // What is written must read back: a mistake here is a bug, not a clip to lose later.
  return library.writeClip(base, Sidecar.parse(sidecar));
}

const amount = (cents: number | null): number | null =>
  cents !== null && Number.isFinite(cents) && cents >= 0 ? cents : null;

const isTime = (time: number | null): time is number =>
  time !== null && Number.isFinite(time) && !Number.isNaN(new Date(time).getTime());
