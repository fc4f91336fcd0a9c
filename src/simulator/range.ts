export type RangeDecision =
  { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

export interface Validators {
  etag: string;
  lastModified: string;
}

/**
 * RFC 9110 byte ranges, one range per request (a multi-range request gets the whole file,
 * which the RFC allows). `end` is exclusive.
 */
export function decideRange(
  range: string | undefined,
  ifRange: string | undefined,
  size: number,
  validators: Validators,
): RangeDecision {
  if (range === undefined) return { kind: 'full' };
  if (ifRange !== undefined && !ifRangeHolds(ifRange.trim(), validators)) return { kind: 'full' };
  const match = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  if (!match) return { kind: 'full' };
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return { kind: 'full' };
  if (first === '') {
    const suffix = Number(last);
    return suffix === 0
      ? { kind: 'unsatisfiable' }
      : { kind: 'partial', start: Math.max(0, size - suffix), end: size };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return { kind: 'full' };
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size : Math.min(size, Number(last) + 1);
  return { kind: 'partial', start, end };
}

/** A strong ETag must match exactly (weak ones never do); a date must equal Last-Modified. */
function ifRangeHolds(ifRange: string, { etag, lastModified }: Validators): boolean {
  if (ifRange.startsWith('"') || ifRange.startsWith('W/')) return ifRange === etag;
  const date = Date.parse(ifRange);
  return !Number.isNaN(date) && date === Date.parse(lastModified);
}
