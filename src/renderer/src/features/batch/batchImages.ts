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

/** A file-system entry of a drop, as Chromium gives it (`DataTransferItem.webkitGetAsEntry`). */
interface DropEntry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath?: string;
  file?: (ok: (file: File) => void, failed: (error: unknown) => void) => void;
  createReader?: () => {
    readEntries: (ok: (entries: DropEntry[]) => void, failed: (error: unknown) => void) => void;
  };
}

/** How deep a dropped folder is walked, and how many files at most: a drop of a whole disk stops. */
const MAX_DEPTH = 8;
const MAX_FILES = 10_000;

async function filesOfEntry(entry: DropEntry, depth: number, out: File[]): Promise<void> {
  if (out.length >= MAX_FILES) return;
  if (entry.isFile && entry.file) {
    const file = await new Promise<File>((ok, failed) => entry.file!(ok, failed));
    // The folder's path, so pairing by name sees `shots/003.png` as a picked folder gives it.
    const path = (entry.fullPath ?? file.name).replace(/^\//, '');
    out.push(
      path === file.name || file.webkitRelativePath
        ? file
        : Object.defineProperty(file, 'webkitRelativePath', { value: path }),
    );
    return;
  }
  if (!entry.isDirectory || !entry.createReader || depth >= MAX_DEPTH) return;
  const reader = entry.createReader();
  // readEntries answers in pages (100 at a time in Chromium) until it answers none.
  for (;;) {
    const page = await new Promise<DropEntry[]>((ok, failed) => reader.readEntries(ok, failed));
    if (page.length === 0) return;
    for (const child of page) await filesOfEntry(child, depth + 1, out);
  }
}

/**
 * The files of a drop, a dropped folder's files included (walked, in its sub-folders too);
 * a browser without entries gives the dropped files as they are.
 */
export async function filesOfDrop(data: DataTransfer | null): Promise<File[]> {
  const items = Array.from(data?.items ?? []);
  const entries = items
    .map((item) =>
      typeof item.webkitGetAsEntry === 'function'
        ? (item.webkitGetAsEntry() as DropEntry | null)
        : null,
    )
    .filter((entry): entry is DropEntry => entry !== null);
  if (entries.length === 0) return Array.from(data?.files ?? []);
  const out: File[] = [];
  for (const entry of entries) await filesOfEntry(entry, 0, out);
  return out;
}
