import { describe, expect, it } from 'vitest';
import { pairImages, type ImageFile, type PairingRow } from './imagePairing';

const rows = (...images: (string | undefined)[]): PairingRow[] =>
  images.map((image) => ({ params: image === undefined ? {} : { image } }));
const files = (...names: string[]): ImageFile[] => names.map((name) => ({ name }));
const links = (result: ReturnType<typeof pairImages>) =>
  result.pairs.map((pair) => [pair.row, pair.image]);

describe('pairImages', () => {
  it('none: every row alone, images reported unused', () => {
    const result = pairImages(rows(undefined, undefined), files('a.png'), 'none');
    expect(links(result)).toEqual([
      [0, null],
      [1, null],
    ]);
    expect(result.pairs[0]?.missing).toBeUndefined();
    expect(result.problems).toEqual([{ code: 'unused-images', images: [0] }]);
    expect(pairImages(rows(undefined), [], 'none').problems).toEqual([]);
  });

  it('shared: every image with the first prompt; other rows reported unused', () => {
    const result = pairImages(
      rows(undefined, undefined, undefined),
      files('a', 'b', 'c'),
      'shared',
    );
    expect(links(result)).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
    ]);
    expect(result.problems).toEqual([{ code: 'unused-rows', rows: [1, 2] }]);
  });

  it('byOrder: row i with image i, leftover rows kept without an image', () => {
    const result = pairImages(rows(undefined, undefined, undefined), files('a', 'b'), 'byOrder');
    expect(result.pairs).toEqual([
      { row: 0, image: 0 },
      { row: 1, image: 1 },
      { row: 2, image: null, missing: 'leftover' },
    ]);
    expect(result.problems).toEqual([]);
  });

  it('byOrder: leftover images reported', () => {
    const result = pairImages(rows(undefined), files('a', 'b', 'c'), 'byOrder');
    expect(links(result)).toEqual([[0, 0]]);
    expect(result.problems).toEqual([{ code: 'unused-images', images: [1, 2] }]);
  });

  it('byName: the row’s image column, by full name or by name without extension', () => {
    const images = files('shots/Fox.PNG', 'owl.jpg', 'owl.png', 'cat.webp', 'unused.png');
    const result = pairImages(
      rows('fox.png', 'OWL.PNG', 'cat', 'C:\\stills\\cat.jpg', undefined, 'wolf.png'),
      images,
      'byName',
    );
    expect(result.pairs).toEqual([
      { row: 0, image: 0 },
      { row: 1, image: 2 },
      { row: 2, image: 3 },
      { row: 3, image: 3 },
      { row: 4, image: null, missing: 'no-name' },
      { row: 5, image: null, missing: 'not-found' },
    ]);
    expect(result.problems).toEqual([{ code: 'unused-images', images: [1, 4] }]);
  });

  it('byName: a row without a name takes the image numbered as its line', () => {
    const numbered: PairingRow[] = [
      { line: 1, params: {} },
      { line: 3, params: {} },
      { line: 4, params: {} },
      { line: 10, params: { image: 'x' } },
    ];
    const result = pairImages(numbered, files('003.png', '1.jpg', 'x.png', '4b.png'), 'byName');
    expect(result.pairs).toEqual([
      { row: 0, image: 1 },
      { row: 1, image: 0 },
      { row: 2, image: null, missing: 'no-name' },
      { row: 3, image: 2 },
    ]);
    const twice = pairImages([{ line: 2, params: {} }], files('2.png', '02.jpg'), 'byName');
    expect(twice.problems[0]).toEqual({
      code: 'ambiguous-image',
      row: 0,
      name: '',
      images: [0, 1],
    });
  });

  it('byName: several images with the name are reported and the first is used', () => {
    const result = pairImages(rows('owl'), files('owl.jpg', 'owl.png'), 'byName');
    expect(links(result)).toEqual([[0, 0]]);
    expect(result.problems).toEqual([
      { code: 'ambiguous-image', row: 0, name: 'owl', images: [0, 1] },
      { code: 'unused-images', images: [1] },
    ]);
  });

  it('byName: matches names in either Unicode form', () => {
    const decomposed = 'cafe\u0301.png';
    const result = pairImages(rows('café.png'), files(decomposed), 'byName');
    expect(links(result)).toEqual([[0, 0]]);
  });

  it('matrix: every row with every image, row by row', () => {
    const result = pairImages(rows(undefined, undefined), files('a', 'b', 'c'), 'matrix');
    expect(links(result)).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 1],
      [1, 2],
    ]);
    expect(result.problems).toEqual([]);
  });

  it('says when there are no prompts or no images to pair', () => {
    expect(pairImages([], files('a'), 'matrix')).toEqual({
      pairs: [],
      problems: [{ code: 'no-prompts' }],
    });
    for (const mode of ['shared', 'byOrder', 'byName', 'matrix'] as const)
      expect(pairImages(rows('a'), [], mode)).toEqual({
        pairs: [],
        problems: [{ code: 'no-images' }],
      });
  });

  describe('duplicates', () => {
    const images: ImageFile[] = [
      { name: 'a.png', hash: 'h1' },
      { name: 'b.png', hash: 'h2' },
      { name: 'a copy.png', hash: 'h1' },
      { name: 'c.png' },
      { name: 'a again.png', hash: 'h1' },
    ];

    it('flags images with the same content and still uses them unless asked', () => {
      const result = pairImages(rows(undefined), images, 'shared');
      expect(result.pairs.map((p) => p.image)).toEqual([0, 1, 2, 3, 4]);
      expect(result.problems).toEqual([
        { code: 'duplicate-image', image: 2, duplicateOf: 0, skipped: false },
        { code: 'duplicate-image', image: 4, duplicateOf: 0, skipped: false },
      ]);
    });

    it('skips the later copies when asked, also when pairing by order', () => {
      const shared = pairImages(rows(undefined), images, 'shared', { skipDuplicates: true });
      expect(shared.pairs.map((p) => p.image)).toEqual([0, 1, 3]);
      expect(shared.problems[0]).toEqual({
        code: 'duplicate-image',
        image: 2,
        duplicateOf: 0,
        skipped: true,
      });
      const byOrder = pairImages(rows(undefined, undefined, undefined), images, 'byOrder', {
        skipDuplicates: true,
      });
      expect(links(byOrder)).toEqual([
        [0, 0],
        [1, 1],
        [2, 3],
      ]);
      const matrix = pairImages(rows(undefined), images, 'matrix', { skipDuplicates: true });
      expect(matrix.pairs).toHaveLength(3);
    });

    it('byName: a row naming a skipped copy gets the image kept', () => {
      const result = pairImages(rows('a copy', 'c'), images, 'byName', { skipDuplicates: true });
      expect(links(result)).toEqual([
        [0, 0],
        [1, 3],
      ]);
      expect(result.problems.at(-1)).toEqual({ code: 'unused-images', images: [1] });
      const kept = pairImages(rows('a copy'), images, 'byName');
      expect(links(kept)).toEqual([[0, 2]]);
    });
  });
});
