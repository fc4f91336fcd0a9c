import type { ImageMime } from '../../../../shared/jobs';
import { previewUrl, releasePreview } from '../compose';
import { checkImageFile } from '../compose';

/** An image of a batch, read once: its name, content hash and a preview address. */
export interface BatchImage {
  name: string;
  mime: ImageMime;
  file: File;
  /** SHA-256 of the bytes, hex: the id main stores it under, so duplicates show before. */
  hash: string;
  /** An object URL for the thumbnail; released when the image is removed. */
  url: string;
}

const hex = (buffer: ArrayBuffer) =>
  Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');

async function bytesOf(file: File): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Response(file).arrayBuffer();
}

/** A folder's file keeps its place in the folder, so pairing by name sees `shots/003.png`. */
const nameOf = (file: File) => file.webkitRelativePath || file.name;

/**
 * Reads the files the user dropped or picked, in name order (a folder's listing order is the
 * file system's): the images, and why each other file was refused.
 */
export async function readBatchImages(
  files: readonly File[],
): Promise<{ images: BatchImage[]; refused: string[] }> {
  const refused: string[] = [];
  const accepted: File[] = [];
  for (const file of files) {
    const problem = checkImageFile(file);
    if (problem) refused.push(problem);
    else accepted.push(file);
  }
  accepted.sort((a, b) =>
    nameOf(a).localeCompare(nameOf(b), undefined, { numeric: true, sensitivity: 'base' }),
  );
  const images = await Promise.all(
    accepted.map(async (file) => ({
      name: nameOf(file),
      mime: file.type as ImageMime,
      file,
      hash: hex(await crypto.subtle.digest('SHA-256', await bytesOf(file))),
      url: previewUrl(file),
    })),
  );
  return { images, refused };
}

export function releaseBatchImages(images: readonly BatchImage[]): void {
  for (const image of images) releasePreview(image.url);
}
