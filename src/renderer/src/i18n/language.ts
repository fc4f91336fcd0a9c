import type { Language } from '../../../shared/settings';

/** The languages the UI is written in; the first is the fallback. */
export const supportedLanguages = ['en', 'nl'] as const;
export type AppLanguage = (typeof supportedLanguages)[number];

const isSupported = (tag: string): tag is AppLanguage =>
  (supportedLanguages as readonly string[]).includes(tag);

/**
 * The UI's language for the Language setting: a chosen one as is; for `system`, the first
 * of the OS's or browser's preferred languages that the UI speaks (`nl-BE` is Dutch, whatever
 * the region), else English.
 */
export function resolveLanguage(
  setting: Language,
  browserLanguages: readonly string[],
): AppLanguage {
  if (setting !== 'system') return setting;
  for (const tag of browserLanguages) {
    const base = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
    if (isSupported(base)) return base;
  }
  return supportedLanguages[0];
}

/** The browser's preferred languages, most preferred first (none outside a browser). */
export function navigatorLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}
