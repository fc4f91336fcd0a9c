import { describe, expect, it } from 'vitest';
import type { JobRequest } from '../jobs';
import type { ModelInfo } from '../rules';
import { capProblems } from './capProblems';

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

describe('capProblems', () => {
  it('finds nothing in a request within the caps', () => {
    expect(capProblems(request, wan)).toEqual([]);
  });

  it('gives each broken cap as a code with the values to word it', () => {
    const problems = capProblems(
      {
        ...request,
        mode: 'reference',
        durationSeconds: 12,
        aspectRatio: '1:1',
        quality: '1080p',
      },
      wan,
    );
    const model = 'wan-2.6';
    expect(problems).toEqual([
      { code: 'over-cap', field: 'mode', model, value: 'reference', allowed: ['text', 'image'] },
      { code: 'over-cap', field: 'durationSeconds', model, value: 12, min: 5, max: 10 },
      { code: 'over-cap', field: 'aspectRatio', model, value: '1:1', allowed: ['16:9', '9:16'] },
      { code: 'over-cap', field: 'quality', model, value: '1080p', allowed: ['720p'] },
      { code: 'over-cap', field: 'inputImages', model, mode: 'reference', value: 0 },
    ]);
  });

  it('carries no English', () => {
    const problems = capProblems({ ...request, mode: 'image', durationSeconds: 1 }, wan);
    expect(problems.map((p) => p.field)).toEqual(['durationSeconds', 'inputImages']);
    for (const problem of problems) expect(problem).not.toHaveProperty('message');
  });
});
