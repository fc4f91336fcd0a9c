import { describe, expect, it } from 'vitest';
import { longSideFor, planDownscale } from './downscale';

describe('downscaling a frame to what the model makes', () => {
  it('takes the long side of the model’s best quality', () => {
    expect(longSideFor(['480p', '720p', '1080p'])).toBe(1920);
    expect(longSideFor(['720p'])).toBe(1280);
    expect(longSideFor(['480p'])).toBe(854);
    // A model that says nothing of its qualities: 1080p, the most the API makes.
    expect(longSideFor([])).toBe(1920);
  });

  it('shrinks a large frame to that long side, keeping its shape', () => {
    expect(planDownscale(8000, 4500, 1920)).toEqual({
      width: 1920,
      height: 1080,
      source: { x: 0, y: 0, width: 8000, height: 4500 },
      target: { x: 0, y: 0, width: 1920, height: 1080 },
    });
    expect(planDownscale(3000, 4000, 1280)).toMatchObject({ width: 960, height: 1280 });
    expect(planDownscale(4000, 3001, 1920)).toMatchObject({ width: 1920, height: 1440 });
  });

  it('leaves a frame that is not larger alone', () => {
    expect(planDownscale(1920, 1080, 1920)).toBeNull();
    expect(planDownscale(1280, 720, 1920)).toBeNull();
  });
});
