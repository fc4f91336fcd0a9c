/** The globs of eslint/i18nChecked.js, for the lint tests. */
export declare const i18nChecked: readonly string[];
