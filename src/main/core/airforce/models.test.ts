import { describe, expect, it } from 'vitest';
import { defaultVideoCaps, videoModelFrom, videoModelsFrom } from './models';

const fullCaps = {
  aspect_ratios: ['16:9', '9:16'],
  qualities: ['720p', '1080p'],
  min_duration_s: 5,
  max_duration_s: 8,
  modes: ['text', 'image'],
  price_per_second_cents: 40,
};

describe('videoModelFrom', () => {
  it('keeps complete caps and reports nothing defaulted', () => {
    expect(
      videoModelFrom({
        id: 'wan-2.6',
        output_modalities: ['video'],
        video_caps: fullCaps,
        extra: 1,
      }),
    ).toEqual({
      id: 'wan-2.6',
      caps: fullCaps,
    });
  });

  it('fills a missing video_caps entirely from the defaults', () => {
    expect(videoModelFrom({ id: 'bare', output_modalities: ['video'] })).toEqual({
      id: 'bare',
      caps: defaultVideoCaps,
      defaulted: [
        'aspect_ratios',
        'qualities',
        'min_duration_s',
        'max_duration_s',
        'modes',
        'price_per_second_cents',
      ],
    });
  });

  it('fills single missing, unreadable or emptied fields and says which', () => {
    const model = videoModelFrom({
      id: 'odd',
      output_modalities: ['video'],
      video_caps: {
        ...fullCaps,
        qualities: ['8k'],
        price_per_second_cents: 'cheap',
        modes: undefined,
      },
    });
    expect(model?.caps).toEqual({
      ...fullCaps,
      qualities: ['480p', '720p', '1080p'],
      price_per_second_cents: 0,
      modes: ['text'],
    });
    expect(model?.defaulted).toEqual(['qualities', 'modes', 'price_per_second_cents']);
  });

  it('keeps the known values of a list and drops the unknown ones', () => {
    const model = videoModelFrom({
      id: 'm',
      output_modalities: ['video'],
      video_caps: { aspect_ratios: ['21:9', '1:1'] },
    });
    expect(model?.caps.aspect_ratios).toEqual(['1:1']);
  });

  it('fits the duration default around a single given bound', () => {
    const long = videoModelFrom({
      id: 'long',
      output_modalities: ['video'],
      video_caps: { min_duration_s: 12 },
    });
    expect(long?.caps).toMatchObject({ min_duration_s: 12, max_duration_s: 12 });
    const short = videoModelFrom({
      id: 'short',
      output_modalities: ['video'],
      video_caps: { max_duration_s: 4 },
    });
    expect(short?.caps).toMatchObject({ min_duration_s: 4, max_duration_s: 4 });
  });

  it('skips a model whose durations make no sense', () => {
    expect(
      videoModelFrom({
        id: 'x',
        output_modalities: ['video'],
        video_caps: { min_duration_s: 10, max_duration_s: 5 },
      }),
    ).toBeNull();
  });

  it('skips models that are not video models or have no id', () => {
    expect(videoModelFrom({ id: 'gpt', output_modalities: ['text'] })).toBeNull();
    expect(videoModelFrom({ id: 'plain' })).toBeNull();
    expect(videoModelFrom({ output_modalities: ['video'] })).toBeNull();
    expect(videoModelFrom({ id: 7, output_modalities: ['video'] })).toBeNull();
    expect(videoModelFrom('wan')).toBeNull();
    expect(videoModelFrom(null)).toBeNull();
  });

  it('takes video_caps without output_modalities as a video model', () => {
    expect(videoModelFrom({ id: 'capsOnly', video_caps: fullCaps })?.id).toBe('capsOnly');
  });
});

describe('videoModelsFrom', () => {
  it('keeps the good ones in order and the first of a repeated id', () => {
    const models = videoModelsFrom([
      { id: 'a', output_modalities: ['video'], video_caps: fullCaps },
      {
        id: 'broken',
        output_modalities: ['video'],
        video_caps: { min_duration_s: 9, max_duration_s: 1 },
      },
      { id: 'chat', output_modalities: ['text'] },
      { id: 'b', output_modalities: ['video', 'audio'] },
      { id: 'a', output_modalities: ['video'] },
    ]);
    expect(models.map((model) => model.id)).toEqual(['a', 'b']);
    expect(models[0]?.caps).toEqual(fullCaps);
  });
});
