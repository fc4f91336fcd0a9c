import type { ImageMime } from '../../../../shared/jobs';

/** What the API takes; anything else is refused before it is read. */
export const ACCEPTED_MIMES: readonly ImageMime[] = ['image/png', 'image/jpeg', 'image/webp'];
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export function isAcceptedMime(type: string): type is ImageMime {
  return (ACCEPTED_MIMES as readonly string[]).includes(type);
}

/** Why a file cannot be used, in words; null when it can. */
export function checkImageFile(file: { name: string; type: string; size: number }): string | null {
  if (!isAcceptedMime(file.type)) {
    return `${file.name || 'That file'} is not a PNG, JPEG or WebP image${file.type ? ` (it is ${file.type})` : ''}.`;
  }
  if (file.size === 0) return `${file.name || 'That file'} is empty (0 bytes).`;
  if (file.size > MAX_IMAGE_BYTES) {
    const mb = (file.size / 1024 / 1024).toFixed(1);
    return `${file.name || 'That image'} is ${mb} MB; images may be at most 10 MB. Export it smaller and try again.`;
  }
  return null;
}

/** An `https` address, or why it is not one. */
export function checkImageUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'That is not a web address. Paste one that starts with https://.';
  }
  if (url.protocol !== 'https:') return 'Only https:// addresses can be sent to the API.';
  return null;
}

/** The files of a drop or paste, images or not (the caller says why it refuses the others). */
export function filesOf(data: DataTransfer | null): File[] {
  if (!data) return [];
  if (data.files && data.files.length > 0) return Array.from(data.files);
  return Array.from(data.items ?? []).flatMap((item) => {
    const file = item.kind === 'file' ? item.getAsFile() : null;
    return file ? [file] : [];
  });
}

export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = typeof reader.result === 'string' ? reader.result : '';
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the image.'));
    reader.readAsDataURL(blob);
  });
}

/** What `blobToBase64` made, as a blob again (to draw an image already read). */
export function base64ToBlob(dataBase64: string, mime: string): Blob {
  const bytes = Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: mime });
}
