import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type AppLanguage, supportedLanguages } from './language';
import type { Catalog } from './catalog';
import { en } from './locales/en';

/** English is bundled: the fallback, and the language tests start in. */
export const resources = { en } as const;
export const namespaces = Object.keys(en) as (keyof typeof en)[];
/** A whole language: every namespace's catalog. */
export type LanguageCatalogs = Catalog<typeof en>;

/**
 * An i18next instance in `language`, ready when this returns: `initAsync: false` loads the
 * catalogs in the call, so the first render (and every test) already has its strings rather
 * than the keys. English is always there; another language's catalogs are passed in `more`
 * (or added later with `addCatalogs`).
 */
export function createI18n(
  language: AppLanguage,
  more: Partial<Record<AppLanguage, LanguageCatalogs>> = {},
): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { ...more, ...resources },
    lng: language,
    fallbackLng: supportedLanguages[0],
    supportedLngs: [...supportedLanguages],
    ns: namespaces,
    defaultNS: 'common',
    initAsync: false,
    // React escapes what it renders; escaping here as well would show "&amp;".
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return instance;
}

/** Adds a language's catalogs to `instance` (every namespace). */
export function addCatalogs(
  instance: I18n,
  language: AppLanguage,
  catalogs: LanguageCatalogs,
): void {
  for (const namespace of namespaces)
    instance.addResourceBundle(language, namespace, catalogs[namespace], true, true);
}
