import type { Quality } from '../../../../shared/api/schemas';
import type { ShapePlan } from './cropMath';

/** The long side of a video at each quality (16:9 or 9:16). */
const LONG_SIDE: Record<Quality, number> = { '480p': 854, '720p': 1280, '1080p': 1920 };

/**
 * The long side of the largest video the model makes: a first frame beyond it only makes the
 * upload slower (an 8000×4500 photo is ~30 times the pixels a 1080p video has).
 */
export function longSideFor(qualities: readonly Quality[]): number {
  const sides = qualities.map((q) => LONG_SIDE[q]);
  return sides.length > 0 ? Math.max(...sides) : LONG_SIDE['1080p'];
}

/** The whole frame drawn at `longSide` on its long side, or null when it is not larger. */
export function planDownscale(width: number, height: number, longSide: number): ShapePlan | null {
  const scale = longSide / Math.max(width, height);
  if (scale >= 1) return null;
  const out = { width: Math.round(width * scale), height: Math.round(height * scale) };
  return { ...out, source: { x: 0, y: 0, width, height }, target: { x: 0, y: 0, ...out } };
}

/** The best quality of those a model offers, for saying what a frame is downscaled to. */
export function bestQuality(qualities: readonly Quality[]): Quality {
  return qualities.reduce<Quality>(
    (best, q) => (LONG_SIDE[q] > LONG_SIDE[best] ? q : best),
    qualities[0] ?? '1080p',
  );
}
