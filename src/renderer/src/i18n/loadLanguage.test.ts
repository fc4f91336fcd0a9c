import { describe, expect, it, vi } from 'vitest';

/** A fresh `i18n` module: its instance has only English, as the app has before Dutch loads. */
async function freshI18n() {
  vi.resetModules();
  return import('./index');
}

describe('a language loaded on demand', () => {
  it('switches once its catalogs arrive, and is there at once after that', async () => {
    const { applyLanguage, i18n, loadLanguage } = await freshI18n();
    applyLanguage('en');
    expect(i18n.hasResourceBundle('nl', 'common')).toBe(false);
    applyLanguage('nl');
    expect(i18n.language).toBe('en');
    await loadLanguage('nl');
    expect(i18n.language).toBe('nl');
    expect(i18n.t('common:cancel')).toBe('Annuleren');
    expect(document.documentElement.lang).toBe('nl');
    applyLanguage('en');
    applyLanguage('nl');
    expect(i18n.language).toBe('nl');
    applyLanguage('en');
  });

  it('never overrides a later choice when it arrives', async () => {
    const { applyLanguage, i18n, loadLanguage } = await freshI18n();
    applyLanguage('nl');
    applyLanguage('en');
    await loadLanguage('nl');
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
