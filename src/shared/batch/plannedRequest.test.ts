import { describe, expect, it } from 'vitest';
import { JobDraft } from '../jobDraft';
import { toJobDraft, type PlannedRequest } from './plannedRequest';

const planned: PlannedRequest = {
  model: 'wan-2.6',
  prompt: 'a fox',
  mode: 'image',
  durationSeconds: 8,
  seed: 3,
  image: 2,
};
const png = { blobId: 'a'.repeat(64), mime: 'image/png' as const };

describe('toJobDraft', () => {
  it('puts the image in place of its index, as jobs.submit takes it', () => {
    const draft = toJobDraft(planned, png);
    expect(draft).toEqual({
      model: 'wan-2.6',
      prompt: 'a fox',
      mode: 'image',
      durationSeconds: 8,
      seed: 3,
      inputImages: [png],
    });
    expect(JobDraft.strict().safeParse(draft).success).toBe(true);
  });

  it('sends no image for a text job', () => {
    expect(toJobDraft({ ...planned, mode: 'text', image: null }, null).inputImages).toEqual([]);
  });
});
