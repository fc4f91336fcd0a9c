import { describe, expect, it } from 'vitest';
import { en } from './en';
import { nl } from './nl';
import {
  acceptedLanguages,
  createMessages,
  english,
  messagesIn,
  pickLanguage,
  resolveLanguage,
} from '.';

type Flat = Record<string, string>;
const flat = (catalog: Record<string, Record<string, string>>): Flat =>
  Object.fromEntries(
    Object.entries(catalog).flatMap(([group, texts]) =>
      Object.entries(texts).map(([key, text]) => [`${group}.${key}`, text]),
    ),
  );
const placeholders = (text: string) =>
  [...text.matchAll(/{{\s*(\w+)\s*(?:,[^}]*)?}}/g)].map((m) => m[1]).sort();

describe('the catalogs', () => {
  it('have the same keys and, per key, the same placeholders', () => {
    const english = flat(en);
    const dutch = flat(nl);
    expect(Object.keys(dutch).sort()).toEqual(Object.keys(english).sort());
    for (const [key, text] of Object.entries(english)) {
      expect({ key, placeholders: placeholders(dutch[key] ?? '') }).toEqual({
        key,
        placeholders: placeholders(text),
      });
    }
  });

  it('leave no Dutch text empty or identical to a sentence in English', () => {
    const english = flat(en);
    const same = Object.entries(flat(nl)).filter(
      ([key, text]) => text.trim() === '' || (text === english[key] && text.includes(' ')),
    );
    expect(same).toEqual([]);
  });
});

describe('messages', () => {
  it('pick the plural by count in both languages', () => {
    expect(english.t('notification.ready', { count: 1 })).toBe('Clip ready');
    expect(english.t('notification.ready', { count: 2 })).toBe('2 clips ready');
    expect(messagesIn('nl').t('notification.ready', { count: 1 })).toBe('Clip klaar');
    expect(messagesIn('nl').t('notification.ready', { count: 2 })).toBe('2 clips klaar');
  });

  it('insert values as they are (no HTML escaping)', () => {
    expect(english.t('key.notSaved', { reason: 'Invalid <key> & "x"' })).toBe(
      'The key was not saved: Invalid <key> & "x"',
    );
  });

  it('follow the language as it changes, call by call', () => {
    let language: 'en' | 'nl' = 'en';
    const messages = createMessages(() => language);
    expect(messages.t('shell.trayQuit')).toBe('Quit');
    language = 'nl';
    expect(messages.t('shell.trayQuit')).toBe('Stoppen');
  });
});

describe('which language', () => {
  it('is the first preferred one main speaks, by primary language; else English', () => {
    expect(pickLanguage(['nl-NL', 'en-US'])).toBe('nl');
    expect(pickLanguage(['de-DE', 'nl-BE', 'en'])).toBe('nl');
    expect(pickLanguage(['en-GB', 'nl'])).toBe('en');
    expect(pickLanguage(['NL_be'])).toBe('nl');
    expect(pickLanguage(['fr-FR'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it('is the setting unless it says system', () => {
    expect(resolveLanguage('en', ['nl-NL'])).toBe('en');
    expect(resolveLanguage('nl', ['en-US'])).toBe('nl');
    expect(resolveLanguage('system', ['nl-NL'])).toBe('nl');
  });

  it('reads Accept-Language by weight, then order', () => {
    expect(acceptedLanguages('nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7')).toEqual([
      'nl-NL',
      'nl',
      'en-US',
      'en',
    ]);
    expect(acceptedLanguages('en;q=0.5, nl')).toEqual(['nl', 'en']);
    expect(acceptedLanguages('nl;q=0, *, en')).toEqual(['en']);
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(acceptedLanguages('')).toEqual([]);
  });
});
