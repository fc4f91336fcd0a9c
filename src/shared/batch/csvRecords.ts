/**
 * A small RFC-4180 reader for pasted prompt lists: quoted fields with delimiters, doubled
 * quotes and line breaks inside. It is lenient where people's files are (blanks before an
 * opening quote, a quote inside an unquoted field) and never loses a line: a quote that is
 * never closed would otherwise swallow the lines after it, so that record is cut at the end of
 * its quote's line and reading goes on with the next one. A quoted field that spans lines and
 * is followed by text after its closing quote counts as never closed: its "closing" quote is
 * almost always the opening quote of a field lines further down.
 */

/** One record of the text, and what was wrong with its quoting. */
export interface CsvRecord {
  /** 1-based line the record starts on. */
  line: number;
  fields: string[];
  /** The line of a quote never closed (its field is the rest of that line, taken literally). */
  unclosedQuoteLine: number | null;
  /** Text followed a closing quote (`"a"b`): kept, appended to the field. */
  strayQuote: boolean;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;

/** Index just past the line break at `at` (CRLF, LF or CR), or `at` when there is none. */
function pastBreak(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c === CR) return text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
  return c === LF ? at + 1 : at;
}

function endOfLine(text: string, from: number): number {
  let j = from;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === CR || c === LF) break;
    j++;
  }
  return j;
}

/**
 * Reads every record of `text`. `delimiter` is one character, or null for a single column
 * (the whole line, quotes still honoured). Records whose fields are all blank are skipped:
 * they are the empty lines between and after real ones. Linear in the text's length: between
 * an unclosed quote and the quote that ended its reading there are only doubled quotes, so
 * the second read from the next line goes past them without opening a field that spans them.
 */
export function parseCsvRecords(text: string, delimiter: string | null): CsvRecord[] {
  const d = delimiter === null ? -1 : delimiter.charCodeAt(0);
  const n = text.length;
  const records: CsvRecord[] = [];
  let i = 0;
  let line = 1;
  while (i < n) {
    const record: CsvRecord = { line, fields: [], unclosedQuoteLine: null, strayQuote: false };
    let recordDone = false;
    while (!recordDone) {
      let j = i;
      while (j < n && (text.charCodeAt(j) === SPACE || (text.charCodeAt(j) === TAB && d !== TAB)))
        j++;
      let value: string;
      if (j < n && text.charCodeAt(j) === QUOTE) {
        const openLine = line;
        const open = j;
        let chunk = j + 1;
        value = '';
        let closed = false;
        j = chunk;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === QUOTE) {
            if (text.charCodeAt(j + 1) === QUOTE) {
              value += text.slice(chunk, j + 1);
              j += 2;
              chunk = j;
              continue;
            }
            value += text.slice(chunk, j);
            j++;
            closed = true;
            break;
          }
          if (c === LF || (c === CR && text.charCodeAt(j + 1) !== LF)) line++;
          j++;
        }
        const rest = j;
        while (closed && j < n) {
          const c = text.charCodeAt(j);
          if (c === d || c === CR || c === LF) break;
          j++;
        }
        const after = text.slice(rest, j);
        // A quote that "closes" lines later with text after it is most likely the opening
        // quote of a later field: the quote on the first line was never closed.
        if (!closed || (line > openLine && after.trim() !== '')) {
          const eol = endOfLine(text, open + 1);
          record.fields.push(text.slice(open + 1, eol));
          record.unclosedQuoteLine = openLine;
          line = openLine + 1;
          i = pastBreak(text, eol);
          break;
        }
        if (value.includes('\r')) value = value.replace(/\r\n?/g, '\n');
        if (after.trim() !== '') {
          record.strayQuote = true;
          value += after;
        }
      } else {
        j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === d || c === CR || c === LF) break;
          j++;
        }
        value = text.slice(i, j);
      }
      record.fields.push(value);
      if (j < n && text.charCodeAt(j) === d) {
        // At the end of the text the loop reads the last, empty field.
        i = j + 1;
      } else {
        i = pastBreak(text, j);
        if (i !== j) line++;
        recordDone = true;
      }
    }
    if (
      record.unclosedQuoteLine !== null ||
      record.strayQuote ||
      record.fields.some((field) => field.trim() !== '')
    )
      records.push(record);
  }
  return records;
}
