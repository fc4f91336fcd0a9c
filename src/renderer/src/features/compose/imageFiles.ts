import type { ImageMime } from '../../../../shared/jobs';
import { i18n } from '../../i18n';

/** What the API takes; anything else is refused before it is read. */
export const ACCEPTED_MIMES: readonly ImageMime[] = ['image/png', 'image/jpeg', 'image/webp'];
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export function isAcceptedMime(type: string): type is ImageMime {
  return (ACCEPTED_MIMES as readonly string[]).includes(type);
}

/** Why a file cannot be used, in words; null when it can. */
export function checkImageFile(file: { name: string; type: string; size: number }): string | null {
  const { name, type } = file;
  if (!isAcceptedMime(type)) {
    if (name) {
      return type
        ? i18n.t('compose:imageErrors.notImage', { name, type })
        : i18n.t('compose:imageErrors.notImageUntyped', { name });
    }
    return type
      ? i18n.t('compose:imageErrors.unnamedNotImage', { type })
      : i18n.t('compose:imageErrors.unnamedNotImageUntyped');
  }
  if (file.size === 0) {
    return name
      ? i18n.t('compose:imageErrors.empty', { name })
      : i18n.t('compose:imageErrors.unnamedEmpty');
  }
  if (file.size > MAX_IMAGE_BYTES) {
    // Rounded here as shown, so 10.04 MB is not refused as "10.0 MB".
    const size = Math.round((file.size / 1024 / 1024) * 10) / 10;
    return name
      ? i18n.t('compose:imageErrors.tooLarge', { name, size })
      : i18n.t('compose:imageErrors.unnamedTooLarge', { size });
  }
  return null;
}

/** An `https` address, or why it is not one. */
export function checkImageUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return i18n.t('compose:imageErrors.notAddress');
  }
  if (url.protocol !== 'https:') return i18n.t('compose:imageErrors.notHttps');
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
    reader.onerror = () =>
      reject(reader.error ?? new Error(i18n.t('compose:imageErrors.unreadable')));
    reader.readAsDataURL(blob);
  });
}

/** What `blobToBase64` made, as a blob again (to draw an image already read). */
export function base64ToBlob(dataBase64: string, mime: string): Blob {
  const bytes = Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: mime });
}
