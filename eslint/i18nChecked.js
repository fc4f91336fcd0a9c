/*
 * The files whose user-visible text must come from the catalogs (issue 14): the
 * `i18next/no-literal-string` rule runs on these. Every renderer `.tsx` is checked (the rule
 * looks at JSX only), and the catalogs' own folder.
 */
export const i18nChecked = ['src/renderer/src/i18n/**', 'src/renderer/src/**/*.tsx'];
