import { currentLanguage, i18n } from '../../i18n';

/**
 * A daily budget as typed, in cents. The rule: whole dollars, optionally one decimal point or
 * decimal comma with one or two digits after it ("12.50", "12,50"), in either language — people
 * write money both ways whatever the UI speaks. Anything with thousands separators
 * ("1.500,00", "1,500") reads differently from one locale to the next, so it is refused with
 * the rule rather than guessed.
 */
export function parseBudget(text: string): { cents: number | null } | { problem: string } {
  const trimmed = text.trim().replace(/^(US)?\$\s*/, '');
  if (trimmed === '') return { cents: null };
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(trimmed);
  const cents = match
    ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
    : Number.NaN;
  if (!(cents > 0)) return { problem: i18n.t('settings:budget.problem') };
  return { cents };
}

/**
 * The budget as the field shows it, in the UI's language: "12.50" in English, "12,50" in
 * Dutch; no thousands separator, so what is shown is always what `parseBudget` takes back.
 */
export function budgetText(cents: number | null): string {
  if (cents === null) return '';
  return new Intl.NumberFormat(currentLanguage(), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    useGrouping: false,
  }).format(cents / 100);
}
