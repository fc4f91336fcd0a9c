import { parseCsvRecords } from './csvRecords';
import { parseParams, type ColumnKey, columnKey, type PromptParams } from './promptParams';
import type { RowProblem } from './promptParams';

export type { PromptParams, RowProblem } from './promptParams';

/**
 * A pasted or loaded prompt list as rows the batch builder can plan. Nothing is dropped
 * quietly: each row keeps its 1-based line and its own problems (as codes the renderer words),
 * and a list longer than the limit says how long it was.
 */

export type PromptListFormat = 'text' | 'csv' | 'tsv';
export type PromptListDelimiter = ',' | '\t' | ';';

export interface PromptRow {
  /** 1-based line of the text the row starts on. */
  line: number;
  /** Trimmed; may be empty in a CSV row (then `problems` says so). */
  prompt: string;
  params: PromptParams;
  problems: RowProblem[];
}

/** What stops the list from being read at all. */
export type PromptListProblem = { code: 'missing-prompt-column'; line: number };

/** What the user should know but which does not stop the list. Columns are 1-based. */
export type PromptListWarning =
  | { code: 'unknown-column'; column: number; name: string }
  | { code: 'duplicate-column'; column: number; name: string };

export interface PromptList {
  format: PromptListFormat;
  /** The CSV delimiter; null for plain text and for a single-column CSV. */
  delimiter: PromptListDelimiter | null;
  rows: PromptRow[];
  problems: PromptListProblem[];
  warnings: PromptListWarning[];
  /** Set when the list had more rows than the limit: `rows` holds the first `limit`. */
  truncated: { total: number; limit: number } | null;
}

export interface PromptListOptions {
  /** 'auto' (the default) looks at the file name, then for a header with a `prompt` column. */
  format?: 'auto' | PromptListFormat;
  /** The loaded file's name: `.csv`, `.tsv`/`.tab` and `.txt` decide the format. */
  fileName?: string;
  /** Rows kept (default {@link DEFAULT_ROW_LIMIT}); the user may raise it. */
  limit?: number;
}

/** A long list stays responsive: the preview plans at most this many rows unless raised. */
export const DEFAULT_ROW_LIMIT = 1000;

// Excel in a Dutch locale writes `;`-separated "CSV", so `;` is read as well.
const DELIMITERS: readonly PromptListDelimiter[] = ['\t', ',', ';'];
// A header cell is a column name, not a prompt: no spaces unless it is a known column.
const HEADER_CELL = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function formatOfName(fileName: string | undefined): PromptListFormat | null {
  const extension = /\.([^./\\]+)$/.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (extension === 'csv') return 'csv';
  if (extension === 'tsv' || extension === 'tab') return 'tsv';
  if (extension === 'txt' || extension === 'text') return 'text';
  return null;
}

function headerCells(line: string, delimiter: PromptListDelimiter): string[] {
  return line.split(delimiter).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
}

function looksLikeHeader(cells: readonly string[]): boolean {
  return (
    cells.some((cell) => columnKey(cell) === 'prompt') &&
    cells.every((cell) => columnKey(cell) !== null || HEADER_CELL.test(cell))
  );
}

/** A table when the first line is a header naming `prompt` (a lone `prompt` too), else text. */
function detectFormat(text: string): PromptListFormat {
  const header = firstLine(text);
  if (!header) return 'text';
  const delimiter = DELIMITERS.find(
    (d) => header.text.includes(d) && looksLikeHeader(headerCells(header.text, d)),
  );
  if (delimiter) return delimiter === '\t' ? 'tsv' : 'csv';
  return columnKey(header.text.trim().replace(/^"(.*)"$/, '$1')) === 'prompt' ? 'csv' : 'text';
}

/** The delimiter of a header line: the one that makes it a header, else the most frequent. */
function headerDelimiter(line: string, fallback: PromptListDelimiter): PromptListDelimiter {
  const header = DELIMITERS.find(
    (delimiter) => line.includes(delimiter) && looksLikeHeader(headerCells(line, delimiter)),
  );
  if (header) return header;
  let best = fallback;
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = line.split(delimiter).length - 1;
    if (count > bestCount) [best, bestCount] = [delimiter, count];
  }
  return best;
}

function firstLine(text: string): { text: string; line: number } | null {
  const lines = text.split(/\r\n|\r|\n/, 200);
  const index = lines.findIndex((line) => line.trim() !== '');
  return index < 0 ? null : { text: lines[index] ?? '', line: index + 1 };
}

function rowLimit(limit: number | undefined): number {
  if (limit === undefined || Number.isNaN(limit)) return DEFAULT_ROW_LIMIT;
  return Math.max(1, Math.floor(limit));
}

function truncation(total: number, limit: number): PromptList['truncated'] {
  return total > limit ? { total, limit } : null;
}

/** One prompt per non-blank line; lines starting with `#` are comments. */
function parseText(text: string, limit: number): PromptList {
  const rows: PromptRow[] = [];
  let total = 0;
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const prompt = raw.trim();
    if (prompt === '' || prompt.startsWith('#')) return;
    total += 1;
    if (rows.length < limit) rows.push({ line: index + 1, prompt, params: {}, problems: [] });
  });
  return {
    format: 'text',
    delimiter: null,
    rows,
    problems: [],
    warnings: [],
    truncated: truncation(total, limit),
  };
}

function parseTable(text: string, format: 'csv' | 'tsv', limit: number): PromptList {
  const header = firstLine(text);
  const delimiter = header ? headerDelimiter(header.text, format === 'tsv' ? '\t' : ',') : null;
  const single = header !== null && delimiter !== null && !header.text.includes(delimiter);
  const records = parseCsvRecords(text, single ? null : delimiter);
  const result: PromptList = {
    format,
    delimiter: single ? null : delimiter,
    rows: [],
    problems: [],
    warnings: [],
    truncated: null,
  };
  const [head, ...body] = records;
  if (!head) return result;
  const columns: (ColumnKey | null)[] = [];
  head.fields.forEach((name, index) => {
    const key = columnKey(name);
    const column = index + 1;
    if (key === null) {
      result.warnings.push({ code: 'unknown-column', column, name: name.trim() });
    } else if (columns.includes(key)) {
      result.warnings.push({ code: 'duplicate-column', column, name: name.trim() });
      columns.push(null);
      return;
    }
    columns.push(key);
  });
  if (!columns.includes('prompt')) {
    result.problems.push({ code: 'missing-prompt-column', line: head.line });
    result.warnings = [];
    return result;
  }
  for (const record of body.slice(0, limit)) {
    const cells: Partial<Record<ColumnKey, string>> = {};
    columns.forEach((key, index) => {
      if (key !== null) cells[key] = record.fields[index] ?? '';
    });
    const problems: RowProblem[] = [];
    if (record.unclosedQuoteLine !== null)
      problems.push({ code: 'unclosed-quote', line: record.unclosedQuoteLine });
    else if (record.fields.length !== columns.length)
      problems.push({
        code: 'field-count',
        line: record.line,
        expected: columns.length,
        actual: record.fields.length,
      });
    if (record.strayQuote) problems.push({ code: 'stray-quote', line: record.line });
    const prompt = (cells.prompt ?? '').trim();
    if (prompt === '') problems.push({ code: 'empty-prompt', line: record.line });
    const { params, problems: paramProblems } = parseParams(cells, record.line);
    result.rows.push({
      line: record.line,
      prompt,
      params,
      problems: [...problems, ...paramProblems],
    });
  }
  result.truncated = truncation(body.length, limit);
  return result;
}

/**
 * Reads a prompt list: plain text (one prompt a line), or CSV/TSV with a `prompt` column and
 * optional parameter columns (see {@link PromptParams}). The format comes from `format`, else
 * the file name, else a first line that is a header naming `prompt`. Linear in the text.
 */
export function parsePromptList(text: string, options: PromptListOptions = {}): PromptList {
  const limit = rowLimit(options.limit);
  // Files saved by Excel start with a byte-order mark, which would hide the header.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let format = options.format && options.format !== 'auto' ? options.format : null;
  format ??= formatOfName(options.fileName);
  format ??= detectFormat(body);
  return format === 'text' ? parseText(body, limit) : parseTable(body, format, limit);
}
