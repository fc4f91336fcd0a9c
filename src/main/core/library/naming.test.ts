import { describe, expect, it } from 'vitest';
import { clipBaseName, inputImageFile, isPlainFileName, slugify } from './naming';

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

  it('refuses a task id that could leave the folder or break a name', () => {
    for (const bad of ['../x', 'a/b', 'a\\b', '', 'x'.repeat(200), 'vid 1', 'vid\u0000']) {
      expect(() => clipBaseName(at, 'p', bad), bad).toThrow(/task id/);
    }
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
