import 'i18next';
import type { en } from './locales/en';

// `t('compose:generate')` and `useTranslation('compose')` are checked against the English
// catalogs: a key that does not exist, or a `{{placeholder}}` left out, fails `tsc`.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en;
  }
}
