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

  it.each([
    [4, false],
    [5, true],
    [10, true],
    [11, false],
  ])('takes the model’s durations inclusive: %i s accepted = %s', (durationSeconds, ok) => {
    expect(validateRequest({ ...request, durationSeconds }, wan)).toEqual(
      ok
        ? []
        : [
            {
              field: 'durationSeconds',
              message: `wan-2.6 makes clips of 5–10 s, not ${durationSeconds} s`,
            },
          ],
    );
  });

  it('says what the model offers instead, field by field', () => {
    expect(
      validateRequest(
        { ...request, mode: 'reference', aspectRatio: '1:1', quality: '1080p', inputImages: [png] },
        wan,
      ),
    ).toEqual([
      { field: 'mode', message: 'wan-2.6 does not offer reference mode (it offers text, image)' },
      { field: 'aspectRatio', message: 'wan-2.6 does not offer 1:1 (it offers 16:9, 9:16)' },
      { field: 'quality', message: 'wan-2.6 does not offer 1080p (it offers 720p)' },
    ]);
    expect(validateRequest({ ...request, aspectRatio: '9:16', quality: '720p' }, wan)).toEqual([]);
    const twoQualities: ModelInfo = { ...wan, caps: { ...wan.caps, qualities: ['480p', '720p'] } };
    expect(validateRequest({ ...request, quality: '1080p' }, twoQualities)).toEqual([
      { field: 'quality', message: 'wan-2.6 does not offer 1080p (it offers 480p, 720p)' },
    ]);
  });

  it('asks for at least one style frame in reference mode, and takes several', () => {
    const styled: ModelInfo = { ...wan, caps: { ...wan.caps, modes: ['reference'] } };
    const reference = { ...request, mode: 'reference' as const };
    expect(validateRequest(reference, styled)).toEqual([
      { field: 'inputImages', message: 'Reference mode needs at least one style frame' },
    ]);
    expect(validateRequest({ ...reference, inputImages: [png] }, styled)).toEqual([]);
    expect(validateRequest({ ...reference, inputImages: [png, png, png] }, styled)).toEqual([]);
  });

  it('names the image rules in words', () => {
    expect(validateRequest({ ...request, mode: 'image' }, wan)).toEqual([
      { field: 'inputImages', message: 'Image mode animates exactly one first frame' },
    ]);
    expect(validateRequest({ ...request, inputImages: [png] }, wan)).toEqual([
      { field: 'inputImages', message: 'Text mode takes no images' },
    ]);
  });

  it('shows cents as dollars with two decimals', () => {
    expect(formatCents(5)).toBe('$0.05');
    expect(formatCents(12_345)).toBe('$123.45');
  });
});
