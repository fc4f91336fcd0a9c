/**
 * A `Range` request header against a file of `size` bytes (RFC 9110 §14): what a `<video>`
 * element sends to seek. Only single byte ranges are served; a list of several valid ranges
 * gets the whole file, as the RFC allows, and anything malformed is refused with 416.
 */
export type RangeAnswer =
  { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

const SPEC = /^(\d*)-(\d*)$/;

export function parseRange(header: string | null, size: number): RangeAnswer {
  if (header === null) return { kind: 'full' };
  const match = /^\s*bytes\s*=(.*)$/i.exec(header);
  if (!match) return { kind: 'unsatisfiable' };
  // Stryker disable next-line StringLiteral: `(.*)` always takes part in a match, so match[1] is never undefined and the fallback is never read.
  const specs = (match[1] ?? '').split(',').map((spec) => spec.trim());
  const answers = specs.map((spec) => parseSpec(spec, size));
  if (answers.some((answer) => answer === null)) return { kind: 'unsatisfiable' };
  if (answers.length > 1) {
    // Stryker disable next-line OptionalChaining: no answer is null here (a null one returned above); the `?.` only satisfies the type of `some`.
    return answers.some((answer) => answer?.kind === 'partial')
      ? { kind: 'full' }
      : { kind: 'unsatisfiable' };
  }
  // Stryker disable next-line ObjectLiteral,StringLiteral: split always gives at least one spec, so answers[0] exists and the fallback is never read.
  return answers[0] ?? { kind: 'unsatisfiable' };
}

/** null: malformed. */
function parseSpec(spec: string, size: number): RangeAnswer | null {
  const match = SPEC.exec(spec);
  if (!match) return null;
  // Stryker disable next-line StringLiteral: both `(\d*)` groups always take part in a match, so the defaults are never used.
  const [first = '', last = ''] = [match[1], match[2]];
  if (first === '' && last === '') return null;
  if (first === '') {
    // `bytes=-n`: the last n bytes.
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: 'partial', start, end };
}
