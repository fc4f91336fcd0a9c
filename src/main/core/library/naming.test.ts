import { describe, expect, it } from 'vitest';
import { clipBaseName, clipIdFor, inputImageFile, isPlainFileName, slugify } from './naming';

describe('clip file names', () => {
  const at = Date.UTC(2026, 2, 7, 9, 5);

  it('reads as date, time, prompt slug and task id', () => {
    expect(clipBaseName(at, 'A lighthouse at dusk, waves crashing!', 'vid_01HXY1234ABCD')).toBe(
      '2026-03-07_0905_a-lighthouse-at-dusk-waves-crashing_vid_01HXY1234ABCD',
    );
  });

  it('keeps the slug to 40 ascii characters of [a-z0-9-]', () => {
    expect(slugify('Café crème brûlée — ÜBER naïve 東京 ☕')).toBe('cafe-creme-brulee-uber-naive');
    const long = slugify('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('東京')).toBe('clip');
    expect(slugify('CON')).toBe('con');
  });

  it('keeps a task id in the safe alphabet as its clip id, as libraries made before expect', () => {
    expect(clipIdFor('vid_01HXY1234ABCD')).toBe('vid_01HXY1234ABCD');
    expect(clipIdFor('x'.repeat(128))).toBe('x'.repeat(128));
  });

  it('derives a safe, distinct clip id and file name from any other task id', () => {
    const odd = [
      'vid.X.Y',
      '../x',
      'a/b',
      'a\\b',
      'vid 1',
      'vid\u0000',
      'x'.repeat(200),
      '東京',
      '',
    ];
    const ids = odd.map(clipIdFor);
    for (const [index, id] of ids.entries()) {
      expect(id, odd[index]).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
      expect(clipBaseName(at, 'p', odd[index] ?? '')).toBe(`2026-03-07_0905_p_${id}`);
    }
    expect(new Set(ids).size).toBe(odd.length);
    expect(clipIdFor('vid.X.Y')).toMatch(/^vid_X_Y-[0-9a-f]{16}$/);
    // Neither a safe id nor another odd id that slugs the same way takes its place.
    expect(clipIdFor('a.b')).not.toBe(clipIdFor('a_b'));
    expect(clipIdFor('a.b')).not.toBe(clipIdFor('a:b'));
    expect(clipIdFor('vid.X.Y')).toBe(clipIdFor('vid.X.Y'));
  });

  it('names input images after the clip', () => {
    expect(inputImageFile('base', 0, 'image/png')).toBe('base.input-1.png');
    expect(inputImageFile('base', 2, 'image/jpeg')).toBe('base.input-3.jpg');
  });

  it('accepts only single path components from disk', () => {
    expect(isPlainFileName('a.json')).toBe(true);
    for (const bad of ['', '.', '..', 'a/b', 'a\\b', 'a\u0000'])
      expect(isPlainFileName(bad)).toBe(false);
  });
});
