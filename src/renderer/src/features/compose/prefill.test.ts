import { describe, expect, it } from 'vitest';
import type { JobDraft } from '../../../../shared/jobDraft';
import { emptyForm } from './composeForm';
import { toDraft } from './draftRules';
import { prefillFromRequest } from './prefill';

const request: JobDraft = {
  model: 'wan-2.6',
  prompt: 'Red fox',
  mode: 'image',
  durationSeconds: 5,
  inputImages: [{ url: 'https://example.com/a.png' }],
};

describe('a job brought back into compose (edit, retry with changes)', () => {
  it('still continues the clip it did, and sends it again', () => {
    const chained = { ...request, parentClipId: 'vid_1', parentFrameSeconds: 2.5 };
    const form = { ...emptyForm, ...prefillFromRequest(chained), images: [] };
    expect(form.continues).toEqual({ clipId: 'vid_1', name: 'vid_1', atSeconds: 2.5 });
    expect(toDraft(form)).toMatchObject({ parentClipId: 'vid_1', parentFrameSeconds: 2.5 });
  });

  it('continues nothing when it did not', () => {
    const form = { ...emptyForm, ...prefillFromRequest(request), images: [] };
    expect(form.continues).toBeNull();
    expect(Object.keys(toDraft(form))).not.toContain('parentClipId');
  });
});
