/**
 * Wildcards in a prompt: `a {red|blue} {fox|owl}` is four prompts, one per choice, in the
 * order of nested loops (the first group changes slowest), so the preview reads the way the
 * prompt does. `\{`, `\}`, `\|` and `\\` are literal. A brace that never closes stays in the
 * prompt as text and is reported; groups may nest (`{a|{b|c}}` is a, b, c).
 */

export type WildcardProblem =
  /** `at` is the 0-based index of the `{` in the prompt. */
  | { code: 'unclosed-brace'; at: number }
  /** Groups nested deeper than {@link MAX_WILDCARD_DEPTH}: that group is kept as text. */
  | { code: 'too-deep'; at: number }
  /** More prompts than the limit: the first `limit` of `total` are returned. */
  | { code: 'expansion-capped'; total: number; limit: number };

export interface WildcardExpansion {
  prompts: string[];
  /** How many prompts the wildcards make, the capped ones included (Infinity past floats). */
  total: number;
  problems: WildcardProblem[];
}

/** One prompt with many groups can make millions: past this, the rest are left out. */
export const DEFAULT_WILDCARD_LIMIT = 1000;
/** Deeper nesting than any prompt needs; it keeps the parser's recursion small. */
export const MAX_WILDCARD_DEPTH = 16;

type Node = { text: string } | { options: Node[][] };

const BACKSLASH = '\\';
const SPECIAL = new Set(['{', '}', '|', BACKSLASH]);

/** For each brace, the index of its partner (-1 when it has none); escapes are skipped. */
function matchBraces(prompt: string): { partner: Int32Array; escaped: Uint8Array } {
  const partner = new Int32Array(prompt.length).fill(-1);
  const escaped = new Uint8Array(prompt.length);
  const open: number[] = [];
  for (let i = 0; i < prompt.length; i++) {
    const c = prompt[i];
    if (c === BACKSLASH && SPECIAL.has(prompt[i + 1] ?? '')) {
      escaped[i + 1] = 1;
      i++;
    } else if (c === '{') open.push(i);
    else if (c === '}' && open.length > 0) {
      const start = open.pop() ?? 0;
      partner[start] = i;
      partner[i] = start;
    }
  }
  return { partner, escaped };
}

interface Parse {
  prompt: string;
  partner: Int32Array;
  escaped: Uint8Array;
  problems: WildcardProblem[];
}

/** The nodes of `prompt[from, to)`, where `|` separates options when `split` is set. */
function parseRange(parse: Parse, from: number, to: number, depth: number): Node[][] {
  const { prompt, partner, escaped } = parse;
  const options: Node[][] = [[]];
  let text = '';
  const flush = () => {
    if (text !== '') options[options.length - 1]?.push({ text });
    text = '';
  };
  for (let i = from; i < to; i++) {
    const c = prompt[i] ?? '';
    if (c === BACKSLASH && escaped[i + 1]) continue;
    if (escaped[i]) text += c;
    else if (c === '{' && partner[i] === -1) {
      parse.problems.push({ code: 'unclosed-brace', at: i });
      text += c;
    } else if (c === '{') {
      const close = partner[i] ?? i;
      if (depth >= MAX_WILDCARD_DEPTH) {
        parse.problems.push({ code: 'too-deep', at: i });
        text += prompt.slice(i, close + 1);
      } else {
        flush();
        options[options.length - 1]?.push({ options: parseRange(parse, i + 1, close, depth + 1) });
      }
      i = close;
    } else if (c === '|' && depth > 0) {
      flush();
      options.push([]);
    } else text += c;
  }
  flush();
  return options;
}

function countSequence(nodes: readonly Node[]): number {
  let count = 1;
  for (const node of nodes) if ('options' in node) count *= countOptions(node.options);
  return count;
}

function countOptions(options: readonly Node[][]): number {
  return options.reduce((sum, option) => sum + countSequence(option), 0);
}

/** The first `limit` prompts of a sequence, in nested-loop order. */
function expandSequence(nodes: readonly Node[], limit: number): string[] {
  let results = [''];
  for (const node of nodes) {
    const choices = 'options' in node ? expandOptions(node.options, limit) : [node.text];
    const next: string[] = [];
    outer: for (const start of results)
      for (const choice of choices) {
        next.push(start + choice);
        if (next.length >= limit) break outer;
      }
    results = next;
  }
  return results;
}

function expandOptions(options: readonly Node[][], limit: number): string[] {
  const choices: string[] = [];
  for (const option of options) {
    if (choices.length >= limit) break;
    choices.push(...expandSequence(option, limit - choices.length));
  }
  return choices;
}

/**
 * The prompts a wildcard prompt stands for: at most `limit` (default
 * {@link DEFAULT_WILDCARD_LIMIT}), with `total` and a problem when there were more.
 */
export function expandWildcards(
  prompt: string,
  limit: number = DEFAULT_WILDCARD_LIMIT,
): WildcardExpansion {
  if (!prompt.includes('{') && !prompt.includes(BACKSLASH))
    return { prompts: [prompt], total: 1, problems: [] };
  const cap = Math.max(1, Math.floor(limit) || 1);
  const { partner, escaped } = matchBraces(prompt);
  const parse: Parse = { prompt, partner, escaped, problems: [] };
  const [nodes = []] = parseRange(parse, 0, prompt.length, 0);
  const total = countSequence(nodes);
  const prompts = expandSequence(nodes, cap);
  const problems = parse.problems;
  if (total > cap) problems.push({ code: 'expansion-capped', total, limit: cap });
  return { prompts, total, problems };
}
