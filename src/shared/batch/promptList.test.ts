import { describe, expect, it } from 'vitest';
import { DEFAULT_ROW_LIMIT, parsePromptList } from './promptList';

const prompts = (text: string, options = {}) =>
  parsePromptList(text, options).rows.map((row) => row.prompt);

describe('parsePromptList: plain text', () => {
  it('takes one trimmed prompt per non-blank line and skips # comments', () => {
    const list = parsePromptList('  a fox  \r\n\n# a note\nan owl, at night\n   \n#2\n');
    expect(list.format).toBe('text');
    expect(list.rows).toEqual([
      { line: 1, prompt: 'a fox', params: {}, problems: [] },
      { line: 4, prompt: 'an owl, at night', params: {}, problems: [] },
    ]);
    expect(list.truncated).toBeNull();
  });

  it('does not take a prompt that starts with "prompt," for a header', () => {
    expect(parsePromptList('prompt, a dog running\na cat').format).toBe('text');
    expect(prompts('prompt, a dog running\na cat')).toEqual(['prompt, a dog running', 'a cat']);
  });

  it('is text when the file name says so, even with a header-like first line', () => {
    expect(prompts('prompt,model\na,b', { fileName: 'list.TXT' })).toEqual(['prompt,model', 'a,b']);
  });

  it('returns nothing for an empty text', () => {
    expect(parsePromptList('').rows).toEqual([]);
    expect(parsePromptList(' \n ').rows).toEqual([]);
  });
});

describe('parsePromptList: CSV and TSV', () => {
  it('finds a CSV by its header and reads every parameter column', () => {
    const list = parsePromptList(
      'prompt,model,duration,aspect_ratio,quality,seed,sound,image,copies\n' +
        '"a fox, running",wan-2.6,8,9:16,720P,42,yes,fox.png,3\n',
    );
    expect(list.format).toBe('csv');
    expect(list.delimiter).toBe(',');
    expect(list.warnings).toEqual([]);
    expect(list.rows).toEqual([
      {
        line: 2,
        prompt: 'a fox, running',
        params: {
          model: 'wan-2.6',
          durationSeconds: 8,
          aspectRatio: '9:16',
          quality: '720p',
          seed: 42,
          sound: true,
          image: 'fox.png',
          copies: 3,
        },
        problems: [],
      },
    ]);
  });

  it('takes the other spellings of the columns', () => {
    const [row] = parsePromptList(
      'Prompt,durationSeconds,aspectRatio,variations,Sound\nx,5,1:1,2,nee',
    ).rows;
    expect(row?.params).toEqual({
      durationSeconds: 5,
      aspectRatio: '1:1',
      copies: 2,
      sound: false,
    });
  });

  it('finds a TSV by its header, keeping commas in prompts', () => {
    const list = parsePromptList('prompt\tseed\na, b\t7\n');
    expect(list.format).toBe('tsv');
    expect(list.rows.map((r) => [r.prompt, r.params.seed])).toEqual([['a, b', 7]]);
  });

  it('reads semicolon-separated files as Excel writes them in Dutch', () => {
    const list = parsePromptList('prompt;duration\n"een vos; rennend";6', { fileName: 'x.csv' });
    expect(list.delimiter).toBe(';');
    expect(list.rows.map((r) => [r.prompt, r.params.durationSeconds])).toEqual([
      ['een vos; rennend', 6],
    ]);
  });

  it('reads a lone prompt column whole, commas included', () => {
    const list = parsePromptList('prompt\na, b\n"c\nd"');
    expect(list.format).toBe('csv');
    expect(list.delimiter).toBeNull();
    expect(list.rows.map((r) => [r.line, r.prompt, r.problems])).toEqual([
      [2, 'a, b', []],
      [3, 'c\nd', []],
    ]);
  });

  it('takes the format from the file name or the option', () => {
    expect(parsePromptList('prompt\tx\na\tb', { fileName: 'p.tsv' }).format).toBe('tsv');
    expect(parsePromptList('prompt,x\na,b', { format: 'csv' }).rows[0]?.prompt).toBe('a');
  });

  it('skips the byte-order mark Excel writes before the header', () => {
    expect(prompts('\uFEFFprompt,seed\na,1')).toEqual(['a']);
  });

  it('warns of unknown and repeated columns and reads the rest', () => {
    const list = parsePromptList('prompt,style,seed,prompt\na,noir,3,b');
    expect(list.warnings).toEqual([
      { code: 'unknown-column', column: 2, name: 'style' },
      { code: 'duplicate-column', column: 4, name: 'prompt' },
    ]);
    expect(list.problems).toEqual([]);
    expect(list.rows[0]).toMatchObject({ prompt: 'a', params: { seed: 3 }, problems: [] });
  });

  it('says when a CSV has no prompt column, and plans nothing from it', () => {
    const list = parsePromptList('\ntext,seed\na,1', { fileName: 'list.csv' });
    expect(list.problems).toEqual([{ code: 'missing-prompt-column', line: 2 }]);
    expect(list.rows).toEqual([]);
  });
});

describe('parsePromptList: malformed lines keep their line numbers', () => {
  const csv = [
    'prompt,duration,seed,sound', // 1
    'ok,5,1,yes', // 2
    '"unclosed,5,1,yes', // 3
    'short,5', // 4
    'long,5,1,yes,extra', // 5
    'nan,five,-1,maybe', // 6
    'range,601,4294967296,no', // 7
    ',5,1,yes', // 8
    '"x"y,5,1,no', // 9
    '"multi', // 10
    'line",6,2,no', // 11
    'after,7,3,no', // 12
  ].join('\n');
  const list = parsePromptList(csv);

  it('keeps every row, bad ones included', () => {
    expect(list.rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 12]);
    expect(list.rows.map((r) => r.prompt)).toEqual([
      'ok',
      'unclosed,5,1,yes',
      'short',
      'long',
      'nan',
      'range',
      '',
      'xy',
      'multi\nline',
      'after',
    ]);
  });

  it('gives each row its own problems as codes with their line', () => {
    const problems = new Map(list.rows.map((r) => [r.line, r.problems]));
    expect(problems.get(2)).toEqual([]);
    expect(problems.get(3)).toEqual([{ code: 'unclosed-quote', line: 3 }]);
    expect(problems.get(4)).toEqual([{ code: 'field-count', line: 4, expected: 4, actual: 2 }]);
    expect(problems.get(5)).toEqual([{ code: 'field-count', line: 5, expected: 4, actual: 5 }]);
    expect(problems.get(6)).toEqual([
      { code: 'bad-number', line: 6, field: 'durationSeconds', value: 'five' },
      { code: 'bad-number', line: 6, field: 'seed', value: '-1' },
      { code: 'bad-boolean', line: 6, field: 'sound', value: 'maybe' },
    ]);
    expect(problems.get(7)).toEqual([
      { code: 'out-of-range', line: 7, field: 'durationSeconds', value: 601, min: 1, max: 600 },
      { code: 'out-of-range', line: 7, field: 'seed', value: 2 ** 32, min: 0, max: 2 ** 32 - 1 },
    ]);
    expect(problems.get(8)).toEqual([{ code: 'empty-prompt', line: 8 }]);
    expect(problems.get(9)).toEqual([{ code: 'stray-quote', line: 9 }]);
    expect(problems.get(10)).toEqual([]);
    expect(problems.get(12)).toEqual([]);
  });

  it('leaves out a value it could not read rather than guessing', () => {
    const bad = list.rows.find((r) => r.line === 6);
    expect(bad?.params).toEqual({});
  });

  it('caps copies at the Compose ceiling, and takes no zero copies or seconds', () => {
    const [row, zero] = parsePromptList('prompt,copies,duration\na,51,\nb,0,0\n').rows;
    expect(row?.problems).toEqual([
      { code: 'out-of-range', line: 2, field: 'copies', value: 51, min: 1, max: 50 },
    ]);
    expect(zero?.problems).toEqual([
      { code: 'out-of-range', line: 3, field: 'durationSeconds', value: 0, min: 1, max: 600 },
      { code: 'out-of-range', line: 3, field: 'copies', value: 0, min: 1, max: 50 },
    ]);
  });
});

describe('parsePromptList: long lists', () => {
  const lines = Array.from({ length: 10_000 }, (_, i) => `prompt number ${i + 1}`);

  it('keeps the first 1000 rows of 10,000 lines and says how many there were', () => {
    const list = parsePromptList(lines.join('\n'));
    expect(list.rows).toHaveLength(DEFAULT_ROW_LIMIT);
    expect(list.rows.at(-1)).toMatchObject({ line: 1000, prompt: 'prompt number 1000' });
    expect(list.truncated).toEqual({ total: 10_000, limit: 1000 });
  });

  it('reads all 10,000 CSV rows when the limit is raised', () => {
    const csv = ['prompt,seed', ...lines.map((p, i) => `"${p}, ""quoted""",${i}`)].join('\n');
    const list = parsePromptList(csv, { limit: 20_000 });
    expect(list.truncated).toBeNull();
    expect(list.rows).toHaveLength(10_000);
    expect(list.rows[9999]).toEqual({
      line: 10_001,
      prompt: 'prompt number 10000, "quoted"',
      params: { seed: 9999 },
      problems: [],
    });
  });

  it('counts the CSV rows beyond the limit', () => {
    const csv = ['prompt', ...lines].join('\n');
    expect(parsePromptList(csv, { limit: 10 }).truncated).toEqual({ total: 10_000, limit: 10 });
    expect(parsePromptList(csv, { limit: 10 }).rows).toHaveLength(10);
  });

  it('keeps at least one row whatever limit it is given', () => {
    expect(parsePromptList('a\nb', { limit: 0 }).rows).toHaveLength(1);
    expect(parsePromptList('a\nb', { limit: Number.NaN }).rows).toHaveLength(2);
  });
});
