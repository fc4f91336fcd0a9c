import i18next from 'i18next';
import type { Language } from '../../../shared/settings';
import { en } from './en';
import { nl } from './nl';

/** The languages main speaks. */
export const uiLanguages = ['en', 'nl'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

type Groups = typeof en;
type Group = Extract<keyof Groups, string>;
type Unplural<S extends string> = S extends `${infer B}_one` | `${infer B}_other` ? B : S;
/** A message's name: `group.key`, without the plural suffix (`notification.ready`). */
export type MessageKey = {
  [G in Group]: `${G}.${Unplural<Extract<keyof Groups[G], string>>}`;
}[Group];

export type MessageValues = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, values?: MessageValues) => string;

export interface Messages {
  /** The text in the language main speaks now; `count` picks the plural. */
  t: Translate;
  language(): UiLanguage;
}

/*
 * One instance of our own, initialised synchronously (the catalogs are in memory), so a
 * message can be produced the moment core starts and no global i18next state is shared
 * with anything else in the process. Values are not escaped: the texts go to notifications,
 * dialogs and command results; the one HTML page escapes what it inserts itself.
 */
const instance = i18next.createInstance();
void instance.init({
  resources: { en: { translation: en }, nl: { translation: nl } },
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...uiLanguages],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Messages in `language()`, asked on every call: a changed setting applies to the next text. */
export function createMessages(language: () => UiLanguage): Messages {
  return {
    t: (key, values) => instance.t(key, { ...values, lng: language() }),
    language,
  };
}

/** Messages in one fixed language (a page answered for one request, a test). */
export const messagesIn = (language: UiLanguage): Messages => createMessages(() => language);

/** English: what main says where no language was chosen. */
export const english: Messages = messagesIn('en');

/**
 * The first of `preferred` (most preferred first, BCP 47 tags such as `nl-NL`) that main
 * speaks, by primary language; English when none is.
 */
export function pickLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    const found = uiLanguages.find((language) => language === primary);
    if (found) return found;
  }
  return 'en';
}

/** The language main speaks: the setting, or for 'system' the first of the preferred ones. */
export function resolveLanguage(setting: Language, preferred: readonly string[]): UiLanguage {
  return setting === 'system' ? pickLanguage(preferred) : setting;
}

/**
 * An `Accept-Language` header's languages, most preferred first (by `q`, then by order);
 * `*` and languages with `q=0` are left out.
 */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ tag, q }) => tag !== '' && tag !== '*' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ tag }) => tag);
}
