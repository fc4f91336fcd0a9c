/**
 * A daily budget as typed, in cents. The rule: whole dollars, optionally one decimal point or
 * decimal comma with one or two digits after it ("12.50", "12,50"). Anything with thousands
 * separators ("1.500,00", "1,500") reads differently from one locale to the next, so it is
 * refused with the rule rather than guessed.
 */
export function parseBudget(text: string): { cents: number | null } | { problem: string } {
  const trimmed = text.trim().replace(/^\$\s*/, '');
  if (trimmed === '') return { cents: null };
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(trimmed);
  const cents = match
    ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
    : Number.NaN;
  if (!(cents > 0))
    return {
      problem:
        'Enter an amount in dollars, such as 5, 12.50 or 12,50 (no thousands separators), or leave it empty for no limit.',
    };
  return { cents };
}
