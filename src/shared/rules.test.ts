import { describe, expect, it } from 'vitest';
import type { JobRequest } from './jobs';
import { estimateCostCents, formatCents, validateRequest, type ModelInfo } from './rules';

const wan: ModelInfo = {
  id: 'wan-2.6',
  caps: {
    aspect_ratios: ['16:9', '9:16'],
    qualities: ['720p'],
    min_duration_s: 5,
    max_duration_s: 10,
    modes: ['text', 'image'],
    price_per_second_cents: 40,
  },
};
const request: JobRequest = {
  model: 'wan-2.6',
  prompt: 'a fox',
  mode: 'text',
  durationSeconds: 8,
  inputImages: [],
};
const png = { blobId: 'a'.repeat(64), mime: 'image/png' as const };

describe('rules', () => {
  it('prices a request as duration × price per second', () => {
    expect(estimateCostCents(request, wan)).toBe(320);
    expect(formatCents(320)).toBe('$3.20');
  });

  it('accepts a request within the caps', () => {
    expect(validateRequest(request, wan)).toEqual([]);
  });

  it('names each field outside the caps', () => {
    const fields = validateRequest(
      { ...request, mode: 'reference', durationSeconds: 12, aspectRatio: '1:1', quality: '1080p' },
      wan,
    ).map((p) => p.field);
    expect(fields).toEqual(['mode', 'durationSeconds', 'aspectRatio', 'quality', 'inputImages']);
  });

  it('asks for exactly one image in image mode and none in text mode', () => {
    expect(validateRequest({ ...request, mode: 'image' }, wan)[0]?.field).toBe('inputImages');
    expect(
      validateRequest({ ...request, mode: 'image', inputImages: [png, png] }, wan)[0]?.field,
    ).toBe('inputImages');
    expect(validateRequest({ ...request, mode: 'image', inputImages: [png] }, wan)).toEqual([]);
    expect(validateRequest({ ...request, inputImages: [png] }, wan)[0]?.message).toMatch(
      /no images/,
    );
  });
});
