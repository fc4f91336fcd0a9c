import { readFileSync } from 'node:fs';
import type { JSHandle, Locator, Page } from '@playwright/test';

export interface PngSpec {
  name: string;
  width: number;
  height: number;
  colour: string;
}

/**
 * A DataTransfer holding PNG files drawn in the page with a canvas: what the system hands
 * the page when a user drops or pastes images.
 */
export function pngTransfer(page: Page, pngs: readonly PngSpec[]): Promise<JSHandle<DataTransfer>> {
  return page.evaluateHandle(async (specs) => {
    const transfer = new DataTransfer();
    for (const spec of specs) {
      const canvas = document.createElement('canvas');
      canvas.width = spec.width;
      canvas.height = spec.height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('No 2D canvas');
      context.fillStyle = spec.colour;
      context.fillRect(0, 0, spec.width, spec.height);
      // A mark off centre, so a crop and a fit give different pictures.
      context.fillStyle = '#ffffff';
      context.fillRect(spec.width / 8, spec.height / 8, spec.width / 4, spec.height / 4);
      const blob = await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob(
          (b) => (b ? resolve(b) : reject(new Error('The canvas gave no PNG'))),
          'image/png',
        ),
      );
      transfer.items.add(new File([blob], spec.name, { type: 'image/png' }));
    }
    return transfer;
  }, pngs);
}

/** Drags PNG files over a drop zone and drops them, as the system does for files from a file manager. */
export async function dropPngs(page: Page, zone: Locator, pngs: readonly PngSpec[]): Promise<void> {
  const dataTransfer = await pngTransfer(page, pngs);
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
  await dataTransfer.dispose();
}

/** Pastes PNG files into the focused element, as Ctrl+V does with images on the clipboard. */
export async function pastePngs(page: Page, pngs: readonly PngSpec[]): Promise<void> {
  const clipboardData = await pngTransfer(page, pngs);
  await page.evaluate((data) => {
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, clipboardData);
  await clipboardData.dispose();
}

/** A PNG file's size, from its IHDR chunk. */
export function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  if (bytes.toString('latin1', 1, 4) !== 'PNG') throw new Error(`${file} is not a PNG`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
