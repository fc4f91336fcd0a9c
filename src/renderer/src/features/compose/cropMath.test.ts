import { describe, expect, it } from 'vitest';
import { describeShape, planCrop, planFit, shapeMatches } from './cropMath';

describe('crop and fit plans', () => {
  it('crops a 4:3 photo to the centre 16:9 band', () => {
    const plan = planCrop(1600, 1200, '16:9');
    expect(plan.source).toEqual({ x: 0, y: 150, width: 1600, height: 900 });
    expect(plan).toMatchObject({
      width: 1600,
      height: 900,
      target: { x: 0, y: 0, width: 1600, height: 900 },
    });
  });

  it('crops a wide image from the left, centre or right as the position says', () => {
    expect(planCrop(2000, 1000, '1:1', 0).source).toEqual({
      x: 0,
      y: 0,
      width: 1000,
      height: 1000,
    });
    expect(planCrop(2000, 1000, '1:1', 0.5).source.x).toBe(500);
    expect(planCrop(2000, 1000, '1:1', 1).source.x).toBe(1000);
  });

  it('fits a portrait image into 16:9 with bars left and right', () => {
    const plan = planFit(900, 1600, '16:9');
    // 2844×1600 of canvas, scaled to 2048 on the long side.
    expect(plan).toEqual({
      width: 2048,
      height: 1152,
      source: { x: 0, y: 0, width: 900, height: 1600 },
      target: { x: 700, y: 0, width: 648, height: 1152 },
    });
  });

  it('keeps outputs under 2048 px on the long side', () => {
    const crop = planCrop(8000, 6000, '16:9');
    expect(Math.max(crop.width, crop.height)).toBe(2048);
    expect(crop.width / crop.height).toBeCloseTo(16 / 9, 2);
    const fit = planFit(6000, 8000, '16:9');
    expect(Math.max(fit.width, fit.height)).toBe(2048);
  });

  it('knows a shape that matches within 1 %, and names shapes', () => {
    expect(shapeMatches(1920, 1088, '16:9')).toBe(true);
    expect(shapeMatches(1600, 1200, '16:9')).toBe(false);
    expect(describeShape(1600, 1200)).toBe('4:3');
    expect(describeShape(1000, 1000)).toBe('1:1');
    expect(describeShape(1850, 1000)).toBe('1.85:1');
  });
});
