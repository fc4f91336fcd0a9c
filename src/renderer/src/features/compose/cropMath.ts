import type { AspectRatio } from '../../../../shared/api/schemas';

/**
 * The geometry of making an image the video's shape, as pure functions: the canvas code
 * only follows the plan (and jsdom, which has no canvas, can test the plan).
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ShapePlan {
  /** The output image. */
  width: number;
  height: number;
  /** The part of the source drawn… */
  source: Rect;
  /** …and where it lands in the output; the rest is filled with black (fit). */
  target: Rect;
}

export type ShapeMode = 'crop' | 'fit';

/** Output images are kept under this on their long side: the API wants a frame, not a poster. */
export const MAX_SIDE = 2048;

export function ratioOf(aspect: AspectRatio): number {
  const [w, h] = aspect.split(':').map(Number);
  return (w ?? 1) / (h ?? 1);
}

/** Within 1 %: a 1920×1088 frame is 16:9 for anybody's purposes. */
export function shapeMatches(
  width: number,
  height: number,
  aspect: AspectRatio,
  tolerance = 0.01,
): boolean {
  if (width <= 0 || height <= 0) return false;
  return Math.abs(width / height / ratioOf(aspect) - 1) <= tolerance;
}

/** "4:3", "16:9", or "1.85:1" when it is none of the usual shapes. */
export function describeShape(width: number, height: number): string {
  for (const aspect of ['16:9', '9:16', '1:1', '4:3', '3:4'] as const) {
    const [w, h] = aspect.split(':').map(Number);
    if (Math.abs(width / height / ((w ?? 1) / (h ?? 1)) - 1) <= 0.01) return aspect;
  }
  const r = width / height;
  return r >= 1 ? `${r.toFixed(2)}:1` : `1:${(1 / r).toFixed(2)}`;
}

function scaleToMax(width: number, height: number, maxSide: number): number {
  return Math.min(1, maxSide / Math.max(width, height));
}

/**
 * Cuts the largest `aspect` rectangle out of the image. `position` (0–1) slides it along the
 * axis that is cut: 0 = left/top, 0.5 = centre, 1 = right/bottom.
 */
export function planCrop(
  width: number,
  height: number,
  aspect: AspectRatio,
  position = 0.5,
  maxSide = MAX_SIDE,
): ShapePlan {
  const r = ratioOf(aspect);
  const p = Math.min(1, Math.max(0, position));
  let source: Rect;
  if (width / height > r) {
    const sw = Math.round(height * r);
    source = { x: Math.round((width - sw) * p), y: 0, width: sw, height };
  } else {
    const sh = Math.round(width / r);
    source = { x: 0, y: Math.round((height - sh) * p), width, height: sh };
  }
  const scale = scaleToMax(source.width, source.height, maxSide);
  const out = {
    width: Math.round(source.width * scale),
    height: Math.round(source.height * scale),
  };
  return { ...out, source, target: { x: 0, y: 0, ...out } };
}

/** Keeps the whole image and pads it with bars to the `aspect`. */
export function planFit(
  width: number,
  height: number,
  aspect: AspectRatio,
  maxSide = MAX_SIDE,
): ShapePlan {
  const r = ratioOf(aspect);
  const canvas =
    width / height > r
      ? { width, height: Math.round(width / r) }
      : { width: Math.round(height * r), height };
  const scale = scaleToMax(canvas.width, canvas.height, maxSide);
  const out = {
    width: Math.round(canvas.width * scale),
    height: Math.round(canvas.height * scale),
  };
  const dw = Math.round(width * scale);
  const dh = Math.round(height * scale);
  return {
    ...out,
    source: { x: 0, y: 0, width, height },
    target: {
      x: Math.round((out.width - dw) / 2),
      y: Math.round((out.height - dh) / 2),
      width: dw,
      height: dh,
    },
  };
}

export function planShape(
  mode: ShapeMode,
  width: number,
  height: number,
  aspect: AspectRatio,
  position = 0.5,
): ShapePlan {
  return mode === 'crop'
    ? planCrop(width, height, aspect, position)
    : planFit(width, height, aspect);
}
