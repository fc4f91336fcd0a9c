import { i18n } from '../../i18n';
import type { ShapePlan } from './cropMath';

/**
 * Everything that needs a real browser's image decoder or canvas, in one module that
 * component tests replace (jsdom has neither).
 */
export interface DecodedImage {
  width: number;
  height: number;
}

export async function decodeImage(blob: Blob): Promise<DecodedImage> {
  try {
    const bitmap = await createImageBitmap(blob);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return size;
  } catch {
    throw new Error(i18n.t('compose:imageErrors.undecodable'));
  }
}

/** Draws the plan onto a canvas and encodes it in `mime`. */
export async function renderPlan(blob: Blob, plan: ShapePlan, mime: string): Promise<Blob> {
  const bitmap = await createImageBitmap(blob);
  const canvas = document.createElement('canvas');
  canvas.width = plan.width;
  canvas.height = plan.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error(i18n.t('compose:imageErrors.noCanvas'));
  context.fillStyle = '#000';
  context.fillRect(0, 0, plan.width, plan.height);
  const { source: s, target: t } = plan;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, s.x, s.y, s.width, s.height, t.x, t.y, t.width, t.height);
  bitmap.close();
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (out) => (out ? resolve(out) : reject(new Error(i18n.t('compose:imageErrors.unencodable')))),
      mime,
      0.92,
    ),
  );
}

export function previewUrl(blob: Blob): string {
  return URL.createObjectURL(blob);
}

export function releasePreview(url: string | null): void {
  if (url?.startsWith('blob:')) URL.revokeObjectURL(url);
}
