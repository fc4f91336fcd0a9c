import { describe, expect, it } from 'vitest';
import type { Catalog } from './catalog';
import { resolveLanguage } from './language';
import { en } from './locales/en';
import { nl } from './locales/nl';
import { createI18n, namespaces } from './setup';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf of a catalog as `dotted.key → text`. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix + key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, `${path}.`)) out.set(k, v);
  }
  return out;
}

/** The variables a text interpolates, `{{count, number}}` counting as `count`. */
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

const PLURAL = /_(zero|one|two|few|many|other)$/;

describe('the catalogs', () => {
  it('have one namespace per renderer feature, the same in English and Dutch', () => {
    expect([...namespaces].sort()).toEqual(
      [
        'app',
        'batch',
        'common',
        'compose',
        'library',
        'queue',
        'settings',
        'shell',
        'toasts',
      ].sort(),
    );
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s: the same keys in Dutch, none empty', (ns) => {
    const english = leaves(en[ns as keyof typeof en]);
    const dutch = leaves(nl[ns as keyof typeof nl]);
    expect([...dutch.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of [...english, ...dutch]) expect(text.trim(), key).not.toBe('');
  });

  it.each(Object.keys(en))('%s: each Dutch text fills in the same {{placeholders}}', (ns) => {
    const dutch = leaves(nl[ns as keyof typeof nl]);
    for (const [key, text] of leaves(en[ns as keyof typeof en]))
      expect(placeholders(dutch.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it.each(Object.keys(en))('%s: every plural has its _one and its _other', (ns) => {
    for (const catalog of [en, nl]) {
      const keys = [...leaves(catalog[ns as keyof typeof catalog]).keys()];
      for (const key of keys.filter((k) => PLURAL.test(k))) {
        const base = key.replace(PLURAL, '');
        expect(keys, base).toContain(`${base}_one`);
        expect(keys, base).toContain(`${base}_other`);
      }
    }
  });

  it('makes tsc refuse a Dutch catalog with a key missing or extra', () => {
    type English = { readonly a: 'A'; readonly group: { readonly b: 'B' } };
    // @ts-expect-error `group.b` is missing
    const missing: Catalog<English> = { a: 'x', group: {} };
    // @ts-expect-error `group.c` is not an English key
    const extra: Catalog<English> = { a: 'x', group: { b: 'y', c: 'z' } };
    expect([missing, extra]).toHaveLength(2);
  });
});

describe('an i18n instance', () => {
  it('has its strings as soon as it is created, in either language', () => {
    expect(createI18n('nl', { nl }).t('common:cancel')).toBe('Annuleren');
    expect(createI18n('en').t('settings:language.legend')).toBe('Language');
  });

  it('chooses the plural by count and fills in placeholders, in Dutch too', () => {
    const dutch = createI18n('nl', { nl });
    expect(dutch.t('queue:jobsHeld', { count: 1 })).toBe('1 taak wordt vastgehouden');
    expect(dutch.t('queue:jobsHeld', { count: 3 })).toBe('3 taken worden vastgehouden');
    expect(dutch.t('library:clipCount', { count: 12000 })).toBe('12.000 clips');
    expect(createI18n('en').t('library:clipCount', { count: 12000 })).toBe('12,000 clips');
    expect(dutch.t('queue:took', { clock: '1:05' })).toBe('duurde 1:05');
  });
});

describe('resolveLanguage', () => {
  it.each([
    [['nl-NL'], 'nl'],
    [['nl-BE'], 'nl'],
    [['nl'], 'nl'],
    [['en-GB'], 'en'],
    [['de'], 'en'],
    [[], 'en'],
    // The first language the UI speaks wins, skipping those it does not.
    [['de-DE', 'nl-NL', 'en-US'], 'nl'],
    [['en-US', 'nl-NL'], 'en'],
    [['fr', 'en-GB', 'nl'], 'en'],
  ] as const)('follows the system %j → %s', (languages, language) => {
    expect(resolveLanguage('system', languages)).toBe(language);
  });

  it('keeps a chosen language whatever the browser prefers', () => {
    expect(resolveLanguage('en', ['nl-NL'])).toBe('en');
    expect(resolveLanguage('nl', ['en-US'])).toBe('nl');
  });
});
