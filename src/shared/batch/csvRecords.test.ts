import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from './csvRecords';

const fields = (text: string, delimiter: string | null = ',') =>
  parseCsvRecords(text, delimiter).map((record) => record.fields);

describe('parseCsvRecords', () => {
  it('splits plain fields and records on any line break', () => {
    expect(fields('a,b\r\nc,d\ne,f\rg,h')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted fields', () => {
    expect(fields('"a, b","say ""hi""","one\r\ntwo"\nnext,x')).toEqual([
      ['a, b', 'say "hi"', 'one\ntwo'],
      ['next', 'x'],
    ]);
  });

  it('numbers each record by the line it starts on, counting breaks inside quotes', () => {
    const records = parseCsvRecords('h\n"a\nb\nc"\n\nlast', ',');
    expect(records.map((r) => r.line)).toEqual([1, 2, 6]);
  });

  it('keeps empty fields, a trailing delimiter included', () => {
    expect(fields('a,,c\nd,')).toEqual([
      ['a', '', 'c'],
      ['d', ''],
    ]);
    expect(fields('"",x')).toEqual([['', 'x']]);
  });

  it('skips blank records but not a record of empty quoted fields that are blank', () => {
    expect(fields('\n\na\n   \n,,\n\n')).toEqual([['a']]);
  });

  it('takes blanks before an opening quote as insignificant', () => {
    expect(fields('a, "b, c"')).toEqual([['a', 'b, c']]);
  });

  it('keeps a quote inside an unquoted field as text', () => {
    expect(fields('a 5" tall,b')).toEqual([['a 5" tall', 'b']]);
    expect(parseCsvRecords('a 5" tall,b', ',')[0]?.strayQuote).toBe(false);
  });

  it('marks text after a closing quote and keeps it', () => {
    const [record] = parseCsvRecords('"a"b,c', ',');
    expect(record?.fields).toEqual(['ab', 'c']);
    expect(record?.strayQuote).toBe(true);
  });

  it('cuts an unclosed quote at its line and reads the lines after it', () => {
    const records = parseCsvRecords('p,m\n"open,x\nnext,y\nlast,z', ',');
    expect(records.map((r) => [r.line, r.fields, r.unclosedQuoteLine])).toEqual([
      [1, ['p', 'm'], null],
      [2, ['open,x'], 2],
      [3, ['next', 'y'], null],
      [4, ['last', 'z'], null],
    ]);
  });

  it('reports the line of the quote when the record started on an earlier line', () => {
    const [record, after] = parseCsvRecords('"a\nb",x,"c\nd', ',');
    expect(record?.line).toBe(1);
    expect(record?.fields).toEqual(['a\nb', 'x', 'c']);
    expect(record?.unclosedQuoteLine).toBe(2);
    expect(after?.fields).toEqual(['d']);
    expect(after?.line).toBe(3);
  });

  it('splits on tabs and keeps commas when the delimiter is a tab', () => {
    expect(fields('a, b\tc\n  d\t e', '\t')).toEqual([
      ['a, b', 'c'],
      ['  d', ' e'],
    ]);
  });

  it('reads a single column whole when there is no delimiter', () => {
    expect(fields('a, b; c\td\n"x\ny"', null)).toEqual([['a, b; c\td'], ['x\ny']]);
  });

  it('loses none of the lines after an early unclosed quote', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `row ${i},x ""${i}""`);
    const records = parseCsvRecords(['"open', ...rows].join('\n'), ',');
    expect(records).toHaveLength(10_001);
    expect(records[0]?.unclosedQuoteLine).toBe(1);
    expect(records[10_000]?.fields).toEqual(['row 9999', 'x ""9999""']);
    expect(records[10_000]?.line).toBe(10_001);
  });

  it('takes a quote that closes lines later with text after it as never closed', () => {
    const records = parseCsvRecords('p,s\n"open,1\nnext,2\n"quoted",3\nx,"a\nb",4', ',');
    expect(records.map((r) => [r.line, r.fields, r.unclosedQuoteLine])).toEqual([
      [1, ['p', 's'], null],
      [2, ['open,1'], 2],
      [3, ['next', '2'], null],
      [4, ['quoted', '3'], null],
      [5, ['x', 'a\nb', '4'], null],
    ]);
  });

  it('stays linear when every line holds one quote', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `"row ${i}`).join('\n');
    const records = parseCsvRecords(text, ',');
    expect(records).toHaveLength(10_000);
    expect(records.every((r, i) => r.unclosedQuoteLine === i + 1)).toBe(true);
    expect(records[9999]?.fields).toEqual(['row 9999']);
  });
});
