import { describe, expect, it } from 'vitest';
import { base, plan } from './batchPlanFixture';
import type { ImageFile } from './imagePairing';

const images = (...names: string[]): ImageFile[] => names.map((name) => ({ name }));

describe('planBatch: images', () => {
  it('shared: one image-mode job per image with the shared prompt, by index', () => {
    const result = plan('', { images: images('a.png', 'b.png'), pairing: 'shared' });
    expect(
      result.jobs.map((job) => [job.prompt, job.imageName, job.draft.mode, job.draft.image]),
    ).toEqual([
      ['compose prompt', 'a.png', 'image', 0],
      ['compose prompt', 'b.png', 'image', 1],
    ]);
    expect(result.totals.okCount).toBe(2);
  });

  it('keeps Compose’s reference mode for image jobs', () => {
    const result = plan('x', {
      images: images('a.png'),
      pairing: 'matrix',
      base: { ...base, model: 'kling-1', mode: 'reference' },
    });
    expect(result.jobs[0]?.draft.mode).toBe('reference');
    expect(result.jobs[0]?.problems).toEqual([]);
  });

  it('byOrder: a row left without an image is kept and says why', () => {
    const result = plan('a\nb\nc', { images: images('1.png', '2.png'), pairing: 'byOrder' });
    expect(result.jobs.map((job) => [job.prompt, job.imageName ?? null])).toEqual([
      ['a', '1.png'],
      ['b', '2.png'],
      ['c', null],
    ]);
    expect(result.jobs[2]?.problems).toEqual([{ code: 'no-image', reason: 'leftover' }]);
    expect(result.totals).toEqual({ count: 3, okCount: 2, totalCents: 640 });
  });

  it('byName: a name that matches nothing is kept on the job', () => {
    const result = plan('prompt,image\na,fox\nb,wolf.png', {
      images: images('Fox.jpg', 'owl.jpg'),
      pairing: 'byName',
    });
    expect(result.jobs.map((job) => [job.imageName ?? null, job.problems])).toEqual([
      ['Fox.jpg', []],
      [null, [{ code: 'no-image', reason: 'not-found', name: 'wolf.png' }]],
    ]);
    expect(result.problems).toEqual([{ code: 'unused-images', images: [1] }]);
  });

  it('byName: plain prompts go with the images numbered as their lines', () => {
    const result = plan('a\n\nc', {
      images: images('3.png', '0.png', '01.png'),
      pairing: 'byName',
    });
    expect(result.jobs.map((job) => [job.prompt, job.imageName])).toEqual([
      ['a', '01.png'],
      ['c', '3.png'],
    ]);
    const compose = plan('', { images: images('0.png'), pairing: 'byName' });
    expect(compose.jobs[0]?.problems).toEqual([{ code: 'no-image', reason: 'no-name' }]);
  });

  it('byName: an ambiguous name warns on the job', () => {
    const result = plan('prompt,image\na,owl', {
      images: images('owl.jpg', 'owl.png'),
      pairing: 'byName',
    });
    expect(result.jobs[0]?.warnings).toEqual([
      { code: 'ambiguous-image', name: 'owl', images: [0, 1] },
    ]);
  });

  it('matrix: every prompt with every image, variations included', () => {
    const result = plan('a\nb', {
      images: images('1.png', '2.png', '3.png'),
      pairing: 'matrix',
      variations: 2,
      seeds: { baseSeed: 1 },
    });
    expect(result.totals.count).toBe(12);
    expect(
      result.jobs.slice(0, 4).map((job) => [job.prompt, job.imageName, job.draft.seed]),
    ).toEqual([
      ['a', '1.png', 1],
      ['a', '1.png', 2],
      ['a', '2.png', 1],
      ['a', '2.png', 2],
    ]);
    expect(new Set(result.jobs.map((job) => job.key)).size).toBe(12);
  });

  it('flags duplicate images on their jobs, or skips them when asked', () => {
    const files: ImageFile[] = [
      { name: 'a.png', hash: 'h' },
      { name: 'b.png', hash: 'h' },
    ];
    const flagged = plan('x', { images: files, pairing: 'shared' });
    expect(flagged.jobs.map((job) => job.warnings)).toEqual([
      [],
      [{ code: 'duplicate-image', duplicateOf: 0 }],
    ]);
    expect(flagged.problems).toEqual([
      { code: 'duplicate-image', image: 1, duplicateOf: 0, skipped: false },
    ]);
    const skipped = plan('x', { images: files, pairing: 'shared', skipDuplicateImages: true });
    expect(skipped.jobs.map((job) => job.imageName)).toEqual(['a.png']);
    expect(skipped.jobs[0]?.warnings).toEqual([]);
  });

  it('reports the rows shared mode leaves out by line, and images the text jobs leave out', () => {
    const shared = plan('# header\na\nb\nc', { images: images('1.png'), pairing: 'shared' });
    expect(shared.jobs.map((job) => job.prompt)).toEqual(['a']);
    expect(shared.problems).toEqual([{ code: 'unused-rows', lines: [3, 4] }]);
    const text = plan('a', { images: images('1.png') });
    expect(text.jobs[0]?.draft).toMatchObject({ mode: 'text', image: null });
    expect(text.problems).toEqual([{ code: 'unused-images', images: [0] }]);
  });

  it('plans nothing and says so when an image mode has no images', () => {
    const result = plan('a', { pairing: 'matrix' });
    expect(result.jobs).toEqual([]);
    expect(result.problems).toEqual([{ code: 'no-images' }]);
    expect(result.totals).toEqual({ count: 0, okCount: 0, totalCents: 0 });
  });
});
