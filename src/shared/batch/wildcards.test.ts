import { describe, expect, it } from 'vitest';
import { MAX_WILDCARD_DEPTH, expandWildcards } from './wildcards';

const prompts = (prompt: string, limit?: number) => expandWildcards(prompt, limit).prompts;

describe('expandWildcards', () => {
  it('leaves a prompt without wildcards as it is', () => {
    expect(expandWildcards('a fox | an owl } at night')).toEqual({
      prompts: ['a fox | an owl } at night'],
      total: 1,
      problems: [],
    });
  });

  it('makes one prompt per alternative', () => {
    expect(prompts('a {red|blue|green} fox')).toEqual(['a red fox', 'a blue fox', 'a green fox']);
  });

  it('makes the cartesian product of several groups, the first changing slowest', () => {
    expect(expandWildcards('{a|b} {1|2|3}')).toEqual({
      prompts: ['a 1', 'a 2', 'a 3', 'b 1', 'b 2', 'b 3'],
      total: 6,
      problems: [],
    });
  });

  it('keeps empty alternatives and empty groups', () => {
    expect(prompts('a {big |}fox{}')).toEqual(['a big fox', 'a fox']);
  });

  it('takes escaped braces, bars and backslashes literally', () => {
    expect(prompts('\\{a|b\\} {x\\|y|z} \\\\{1|2}')).toEqual([
      '{a|b} x|y \\1',
      '{a|b} x|y \\2',
      '{a|b} z \\1',
      '{a|b} z \\2',
    ]);
    expect(prompts('C:\\path {a|b}')).toEqual(['C:\\path a', 'C:\\path b']);
  });

  it('expands nested groups', () => {
    expect(prompts('{a|{b|c} d}!')).toEqual(['a!', 'b d!', 'c d!']);
    expect(expandWildcards('{a|{b|c}} {x|y}').total).toBe(6);
  });

  it('keeps an unclosed brace as text and reports where it is', () => {
    expect(expandWildcards('a {red|blue} {fox')).toEqual({
      prompts: ['a red {fox', 'a blue {fox'],
      total: 2,
      problems: [{ code: 'unclosed-brace', at: 13 }],
    });
    expect(expandWildcards('{{a|b}').problems).toEqual([{ code: 'unclosed-brace', at: 0 }]);
    expect(prompts('{{a|b}')).toEqual(['{a', '{b']);
  });

  it('keeps a stray closing brace as text', () => {
    expect(prompts('a} {b|c}')).toEqual(['a} b', 'a} c']);
  });

  it('caps the expansion at the limit and says how many there were', () => {
    const result = expandWildcards('{a|b|c|d|e|f|g|h|i|j}'.repeat(4), 1000);
    expect(result.total).toBe(10_000);
    expect(result.prompts).toHaveLength(1000);
    expect(result.prompts[0]).toBe('aaaa');
    expect(result.prompts[999]).toBe('ajjj');
    expect(result.problems).toEqual([{ code: 'expansion-capped', total: 10_000, limit: 1000 }]);
    expect(prompts('{a|b|c}', 2)).toEqual(['a', 'b']);
  });

  it('does not report a cap when the prompts fit exactly', () => {
    expect(expandWildcards('{a|b}{c|d}', 4).problems).toEqual([]);
  });

  it('stays quick on a prompt that would make astronomically many', () => {
    const result = expandWildcards('{a|b}'.repeat(2000));
    expect(result.total).toBe(Infinity);
    expect(result.prompts).toHaveLength(1000);
    expect(new Set(result.prompts).size).toBe(1000);
  });

  it('does not crash on deep nesting, keeping the too-deep group as text', () => {
    const deep = '{'.repeat(5000) + 'x' + '}'.repeat(5000);
    const result = expandWildcards(deep);
    expect(result.prompts).toHaveLength(1);
    expect(result.problems).toEqual([{ code: 'too-deep', at: MAX_WILDCARD_DEPTH }]);
    expect(expandWildcards('{'.repeat(5000)).problems).toHaveLength(5000);
  });
});
