/**
 * Human formats shared by the features: money, numbers, durations, dates — in the UI's
 * language (`currentLanguage()`), through `Intl` and the `common:format` texts. Call them while
 * rendering a component that uses `useTranslation`, so a change of language re-renders them.
 */
import { currentLanguage, i18n } from '../../i18n';

// One formatter per language and kind: `Intl` formatters are costly to build, cheap to use.
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${currentLanguage()}:${key}`;
  let format = formatters.get(id);
  if (!format) formatters.set(id, (format = new Intl.NumberFormat(currentLanguage(), options)));
  return format;
}

/** "$3.20" in English, "US$ 3,20" in Dutch: an amount in US cents. */
export function formatMoney(cents: number): string {
  return numberFormat('usd', { style: 'currency', currency: 'USD' }).format(cents / 100);
}

/** "40 ¢/s", "12.5 ¢/s" ("12,5 ¢/s" in Dutch). */
export function formatCentsPerSecond(cents: number): string {
  return i18n.t('common:format.centsPerSecond', { value: formatNumber(cents) });
}

/**
 * "7", "12.5", "0.33" (Dutch "12,5"): at most two decimals, no thousands separator — these are
 * prices and sizes, short enough without one, and "1.500" reads as 1.5 in English.
 */
export function formatNumber(value: number): string {
  return numberFormat('number', { maximumFractionDigits: 2, useGrouping: false }).format(value);
}

/** "0:07", "1:05", "1:02:03": a running clock (written so in English and Dutch alike). */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "about 40 s", "about 3 min" ("ongeveer 3 min"): an estimate, said as one. */
export function formatAbout(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return i18n.t('common:format.aboutSeconds', { value: formatNumber(seconds) });
  return i18n.t('common:format.aboutMinutes', { value: formatNumber(Math.round(seconds / 60)) });
}

/** "expires in 3 h", "expires in 20 min", "expired": how long a server's result is kept. */
export function formatExpiry(expiresAt: number, now: number): string {
  const minutes = Math.ceil((expiresAt - now) / 60_000);
  if (minutes <= 0) return i18n.t('common:format.expired');
  return minutes < 60
    ? i18n.t('common:format.expiresInMinutes', { value: formatNumber(minutes) })
    : i18n.t('common:format.expiresInHours', { value: formatNumber(Math.floor(minutes / 60)) });
}

/** "Dec 1, 2026, 9:00 AM" ("1 dec 2026, 09:00" in Dutch): a moment, with its date. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toLocaleString(currentLanguage(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

/** "09:00:05 AM" ("09:00:05"): a moment today, to the second. */
export function formatTime(ms: number): string {
  return new Date(ms).toLocaleTimeString(currentLanguage(), {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** "09:00 AM" ("09:00"): a moment today, to the minute. */
export function formatHourMinute(ms: number): string {
  return new Date(ms).toLocaleTimeString(currentLanguage(), { hour: '2-digit', minute: '2-digit' });
}

/** "yyyy-mm-dd" of a local date, for `<input type="date">`. */
export function toDateInput(ms: number | undefined): string {
  if (ms === undefined) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The start (or end) of a local day from `<input type="date">`; undefined when empty. */
export function fromDateInput(value: string, endOfDay: boolean): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [, y, m, d] = match;
  const date = new Date(Number(y), Number(m) - 1, Number(d));
  if (endOfDay) date.setHours(23, 59, 59, 999);
  return date.getTime();
}
