import { describe, expect, it } from 'vitest';
import type { Clip } from '../../../../../shared/library';
import { differingFields, promptParts, type ComparedField } from './compareDiff';

const clip = (change: Partial<Clip> = {}): Pick<Clip, ComparedField> => ({
  model: 'wan-2.6',
  durationSeconds: 5,
  aspectRatio: '16:9',
  quality: '720p',
  seed: 11,
  sound: false,
  mode: 'text',
  costCents: 320,
  ...change,
});

describe('parameters that differ', () => {
  it('are none for clips made alike', () => {
    expect(differingFields([clip(), clip()])).toEqual(new Set());
  });

  it('are the seed, model and duration where those differ, in any one of four clips', () => {
    const clips = [
      clip(),
      clip({ seed: 12 }),
      clip({ model: 'kling-1' }),
      clip({ durationSeconds: 8 }),
    ];
    expect(differingFields(clips)).toEqual(new Set(['seed', 'model', 'durationSeconds']));
  });

  it('tell a random seed (null) from a given one', () => {
    expect(differingFields([clip({ seed: null }), clip()])).toEqual(new Set(['seed']));
  });
});

const marked = (parts: { text: string; shared: boolean }[]) =>
  parts.filter((p) => !p.shared).map((p) => p.text);

describe('prompt words', () => {
  it('marks the words not in every prompt, keeping the prompt as written', () => {
    const [a, b] = promptParts(['A red fox in snow', 'A grey fox in the rain']);
    expect(a?.map((p) => p.text).join('')).toBe('A red fox in snow');
    expect(marked(a ?? [])).toEqual(['red', 'snow']);
    expect(marked(b ?? [])).toEqual(['grey', 'the rain']);
  });

  it('compares words aside from case, punctuation and where they stand', () => {
    const [a, b] = promptParts(['Snow, a fox.', 'A fox in snow!']);
    expect(marked(a ?? [])).toEqual([]);
    expect(marked(b ?? [])).toEqual(['in']);
  });

  it('needs a word in all of the prompts to count it as shared', () => {
    const parts = promptParts(['red fox', 'red owl', 'blue fox']);
    expect(parts.map(marked)).toEqual([['red fox'], ['red owl'], ['blue fox']]);
  });

  it('keeps words with marks inside whole, in any script', () => {
    const [a, b] = promptParts(["the fox's slow-motion leap", 'café crème leap']);
    expect(marked(a ?? [])).toEqual(["the fox's slow-motion"]);
    expect(marked(b ?? [])).toEqual(['café crème']);
  });

  it('leaves a prompt the server never gave out of the comparison', () => {
    const [a, b, c] = promptParts(['red fox', null, 'red owl']);
    expect(b).toEqual([]);
    expect(marked(a ?? [])).toEqual(['fox']);
    expect(marked(c ?? [])).toEqual(['owl']);
  });
});
