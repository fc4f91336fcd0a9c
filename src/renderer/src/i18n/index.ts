/**
 * The UI's language: i18next with react-i18next, English and Dutch. English is bundled and
 * ready at import; Dutch is a chunk of its own that `main.tsx` loads before the first render
 * when the browser asks for it (no flash of keys) and the test setup loads up front (no
 * waiting in tests). Import everything from here.
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
import { addCatalogs, createI18n, type LanguageCatalogs } from './setup';
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

/**
 * The languages other than English, each a chunk of its own: the first chunk carries only
 * English, and `main.tsx` waits for the browser's language before the first render.
 */
const loaders: Record<Exclude<AppLanguage, 'en'>, () => Promise<LanguageCatalogs>> = {
  nl: () => import('./locales/nl').then((m) => m.nl),
};
const loading = new Map<AppLanguage, Promise<void>>();

/** Resolves once `language`'s catalogs are in `i18n` (at once for English or one loaded before). */
export function loadLanguage(language: AppLanguage): Promise<void> {
  if (language === 'en' || i18n.hasResourceBundle(language, 'common')) return Promise.resolve();
  let loaded = loading.get(language);
  if (!loaded) {
    loaded = loaders[language]().then(
      (catalogs) => addCatalogs(i18n, language, catalogs),
      (error: unknown) => {
        loading.delete(language);
        throw error;
      },
    );
    loading.set(language, loaded);
  }
  return loaded;
}

/** The language last asked for: a slower load never overrides a later choice. */
let wanted: AppLanguage | null = null;

/** The UI's language now: 'en' or 'nl'. */
export function currentLanguage(): AppLanguage {
  return i18n.language === 'nl' ? 'nl' : 'en';
}

/**
 * Switches the UI to `language` and says so in `<html lang>`: at once when its catalogs are
 * loaded (English always is), else as soon as they are; if they cannot be loaded the UI stays
 * as it is and the console says why.
 */
export function applyLanguage(language: AppLanguage): void {
  wanted = language;
  const change = () => {
    if (wanted !== language) return;
    if (i18n.language !== language) void i18n.changeLanguage(language);
    showLanguage(language);
  };
  if (language === 'en' || i18n.hasResourceBundle(language, 'common')) return change();
  loadLanguage(language).then(change, (error: unknown) =>
    console.error(`The ${language} texts could not be loaded; the UI stays as it is.`, error),
  );
}

function showLanguage(language: AppLanguage): void {
  if (typeof document !== 'undefined' && document.documentElement.lang !== language)
    document.documentElement.lang = language;
}
