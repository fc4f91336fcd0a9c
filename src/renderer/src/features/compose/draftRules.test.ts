import { describe, expect, it } from 'vitest';
import { kling, wan } from '../../testSupport/fakeBackend';
import { emptyForm, type ComposeForm, type ComposeImage } from './composeForm';
import { composeProblems, costLine, fitToModel, toDraft } from './draftRules';

const form = (change: Partial<ComposeForm> = {}): ComposeForm => ({
  ...emptyForm,
  modelId: 'wan-2.6',
  prompt: 'A fox in the snow',
  durationSeconds: 8,
  aspectRatio: '16:9',
  quality: '1080p',
  ...change,
});

const image = (
  width: number,
  height: number,
  change: Partial<ComposeImage> = {},
): ComposeImage => ({
  key: `k${width}x${height}`,
  source: 'file',
  name: 'frame.png',
  input: { mime: 'image/png', dataBase64: 'AAAA' },
  previewUrl: null,
  width,
  height,
  original: null,
  keepShape: false,
  ...change,
});

describe('compose rules', () => {
  it('says the cost the way the user reads it', () => {
    expect(costLine(form(), wan).text).toBe('8 s × 40 ¢/s = $3.20');
    expect(costLine(form({ copies: 3 }), wan)).toEqual({
      text: '8 s × 40 ¢/s = $3.20 × 3 copies = $9.60',
      totalCents: 960,
    });
  });

  it('keeps what still fits when the model changes and says what did not', () => {
    const { form: fitted, changes } = fitToModel(
      form({ mode: 'reference', durationSeconds: 10, aspectRatio: '9:16' }),
      kling,
    );
    expect(fitted).toMatchObject({
      modelId: 'kling-1',
      mode: 'text',
      durationSeconds: 8,
      aspectRatio: '16:9',
      quality: '720p',
      prompt: 'A fox in the snow',
    });
    expect(changes).toEqual([
      'mode reference → text (kling-1 has no reference mode)',
      'duration 10 s → 8 s',
      'aspect ratio 9:16 → 16:9',
      'quality 1080p → 720p',
    ]);
    expect(fitToModel(form(), wan).changes).toEqual([]);
  });

  it('explains why Generate is not available', () => {
    expect(composeProblems(form(), wan)).toEqual([]);
    expect(composeProblems(form({ prompt: '   ' }), wan)).toEqual(['Write a prompt.']);
    expect(composeProblems(form({ seed: 'abc' }), wan)[0]).toMatch(/seed must be a whole number/);
    expect(composeProblems(form({ mode: 'image' }), wan)).toEqual([
      'Image mode animates exactly one first frame.',
    ]);
    expect(composeProblems(form({ mode: 'reference' }), wan)).toEqual([
      'Reference mode needs at least one style frame.',
    ]);
    expect(composeProblems(form(), undefined)).toEqual(['Model wan-2.6 is not available.']);
    // The caps the shared rules check, said by the field they name.
    expect(composeProblems(form({ durationSeconds: 12, quality: '4k' as never }), wan)).toEqual([
      'wan-2.6 makes clips of 5–10 s, not 12 s.',
      'wan-2.6 does not offer 4k (it offers 480p, 720p, 1080p).',
    ]);
    expect(composeProblems(form({ mode: 'reference' }), kling)).toEqual([
      'kling-1 does not offer reference mode (it offers text, image).',
      'kling-1 does not offer 1080p (it offers 720p).',
      'Reference mode needs at least one style frame.',
    ]);
  });

  it('asks to crop, fit or keep an image of another shape, and waits for images being read', () => {
    expect(composeProblems(form({ mode: 'image', images: [image(1600, 1200)] }), wan)).toEqual([
      'Image 1 is 4:3 but the video is 16:9: crop it, fit it, or keep its shape.',
    ]);
    expect(
      composeProblems(
        form({ mode: 'image', images: [image(1600, 1200, { keepShape: true })] }),
        wan,
      ),
    ).toEqual([]);
    expect(composeProblems(form({ mode: 'image', images: [image(1920, 1080)] }), wan)).toEqual([]);
    expect(
      composeProblems(form({ mode: 'image', images: [image(1920, 1080, { input: null })] }), wan),
    ).toEqual(['Wait for the images to finish loading.']);
  });

  it('builds the contract draft: images only outside text mode, seed when given', () => {
    const withImage = form({ mode: 'text', images: [image(1920, 1080)], seed: '42', sound: true });
    expect(toDraft(withImage)).toEqual({
      model: 'wan-2.6',
      prompt: 'A fox in the snow',
      mode: 'text',
      durationSeconds: 8,
      aspectRatio: '16:9',
      quality: '1080p',
      seed: 42,
      sound: true,
      inputImages: [],
    });
    expect(toDraft({ ...withImage, mode: 'image' }).inputImages).toEqual([
      { mime: 'image/png', dataBase64: 'AAAA' },
    ]);
  });
});
