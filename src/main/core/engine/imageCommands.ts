import type { Handlers } from '../../../shared/contract/contract';
import { UserError } from '../../../shared/contract/result';
import type { ImageMime } from '../../../shared/jobs';
import type { Translate } from '../i18n';
import type { BlobStore } from '../ports';

/** The first bytes each accepted type starts with (WebP: `RIFF`, then `WEBP` at 8). */
const SIGNATURES: Record<ImageMime, (bytes: Uint8Array) => boolean> = {
  'image/png': (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (b) => starts(b, [0xff, 0xd8, 0xff]),
  'image/webp': (b) =>
    starts(b, [0x52, 0x49, 0x46, 0x46]) && starts(b.subarray(8), [0x57, 0x45, 0x42, 0x50]),
};

function starts(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

/** Do the bytes begin as an image of this type does? A renamed text file does not. */
export function looksLike(mime: ImageMime, bytes: Uint8Array): boolean {
  return SIGNATURES[mime](bytes);
}

/**
 * `images.store`: an input image kept by main before the jobs that use it are queued, so a
 * batch of hundreds of stills sends each image once, in its own message, and its jobs name
 * it by id (its SHA-256: the same picture twice is one file, and the UI sees it is the same).
 * An image no job refers to is swept at the next start.
 */
export function createImageHandlers(
  blobs: BlobStore,
  t: Translate,
): Pick<Handlers, 'images.store'> {
  return {
    'images.store': async ({ mime, dataBase64 }) => {
      const bytes = Buffer.from(dataBase64, 'base64');
      if (!looksLike(mime, bytes))
        throw new UserError('invalid-request', t('queue.imageNotOfType', { mime }));
      return { blobId: await blobs.put(bytes), mime };
    },
  };
}
