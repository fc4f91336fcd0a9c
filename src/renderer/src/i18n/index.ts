/**
 * The UI's language: i18next with react-i18next, English and Dutch, bundled and ready at
 * import (no flash of keys, no waiting in tests). Import everything from here.
 *
 * How to add a string
 * - Each feature has a namespace: `common` (shared words, format texts), `shell`, `compose`,
 *   `queue`, `library`, `settings`, `toasts`, `app`. Its catalogs are
 *   `locales/en/<ns>.ts` (`export const <ns> = {…} as const`, the source of the keys) and
 *   `locales/nl/<ns>.ts` (`export const <ns>: Catalog<typeof en> = {…}`, which fails `tsc`
 *   when a Dutch key is missing or extra). Add the key to both; `catalogs.test.ts` checks the
 *   placeholders and plural pairs match.
 * - Keys are camelCase, grouped by the part of the screen in nested objects:
 *   `budget.problem`, `language.legend`. Use them as `t('budget.problem')` under
 *   `useTranslation('settings')`, and `t('common:cancel')` for another namespace.
 * - In a component: `const { t } = useTranslation('queue');` (it re-renders when the language
 *   changes). Outside React (view models, rules): `i18n.t('queue:took', { clock })`, called
 *   while a component that uses `useTranslation` renders, so a language change reaches it.
 * - Interpolation: `took: 'took {{clock}}'` → `t('took', { clock: formatClock(ms) })`. Pass
 *   values already formatted (`formatMoney`, `formatNumber`, `formatDateTime` from
 *   `features/common/format.ts`), or `{{count, number}}` for a count in the locale's digits.
 * - Plurals: `jobsHeld_one` / `jobsHeld_other`, used as `t('jobsHeld', { count })`; the
 *   English and Dutch plural forms are both `one` and `other`.
 * - Never build a sentence from translated pieces (`t('a') + ' ' + t('b')`, or a translated
 *   word spliced into another): word order differs between languages. Make the whole
 *   sentence one key with placeholders. For markup inside a sentence, use `<Trans>`.
 * - Language names are written in their own language in every catalog (`common:languages`).
 * - The lint rule `i18next/no-literal-string` refuses literal text in JSX and in user-visible
 *   attributes for the files in `eslint/i18nChecked.js`.
 */
import { createI18n } from './setup';
import { navigatorLanguages, resolveLanguage, type AppLanguage } from './language';

export { Trans, useTranslation } from 'react-i18next';
export type { Catalog } from './catalog';
export {
  navigatorLanguages,
  resolveLanguage,
  supportedLanguages,
  type AppLanguage,
} from './language';

/** The app's one instance, in the browser's language until the settings say otherwise. */
export const i18n = createI18n(resolveLanguage('system', navigatorLanguages()));
showLanguage(currentLanguage());

/** The UI's language now: 'en' or 'nl'. */
export function currentLanguage(): AppLanguage {
  return i18n.language === 'nl' ? 'nl' : 'en';
}

/** Switches the UI to `language` (at once: the catalogs are loaded) and says so in `<html lang>`. */
export function applyLanguage(language: AppLanguage): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  showLanguage(language);
}

function showLanguage(language: AppLanguage): void {
  if (typeof document !== 'undefined' && document.documentElement.lang !== language)
    document.documentElement.lang = language;
}
