import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type AppLanguage, supportedLanguages } from './language';
import { en } from './locales/en';
import { nl } from './locales/nl';

export const resources = { en, nl } as const;
export const namespaces = Object.keys(en) as (keyof typeof en)[];

/**
 * An i18next instance in `language`, ready when this returns: the catalogs are bundled, and
 * `initAsync: false` loads them in the call, so the first render (and every test) already has
 * its strings rather than the keys.
 */
export function createI18n(language: AppLanguage): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
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
