import { describe, expect, it } from 'vitest';
import { i18nChecked } from '../../eslint/i18nChecked.js';
import { untypedEslint } from '../support/untypedEslint';

// Proves `i18next/no-literal-string` (eslint.config.js) refuses user-visible literal text in the
// files of eslint/i18nChecked.js, lets translated text and code strings through, and skips tests.
const eslint = untypedEslint();
const checked = 'src/renderer/src/i18n/Example.tsx';

async function textErrors(code: string, filePath = checked): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'i18next/no-literal-string' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

// A component module rendering `jsx`, with `t` in scope. (Not named `X`: the plugin lets a
// constant in capitals, `const X = …`, hold any text.)
const component = (jsx: string) =>
  `declare const t: (key: string) => string;\nexport const Example = () => (${jsx});\n`;

describe('no literal UI strings', () => {
  it.each([
    ['text in JSX', '<p>Hello</p>'],
    ['an aria-label', '<button aria-label="Close" />'],
    ['a title', '<span title="Demo mode" />'],
    ['a placeholder', '<input placeholder="No limit" />'],
    ['an alt text', '<img alt="Poster" />'],
    ['a component’s label', '<Field label="Daily budget" />'],
    ['an aria-description on a native element', '<div aria-description="Drag to reorder" />'],
    ['a string in a JSX expression', "<p>{'Loading…'}</p>"],
    ['a template in JSX', '<p>{`${1} jobs`}</p>'],
    ['a choice between texts', "<p>{Math.random() > 0.5 ? 'Yes' : t('no')}</p>"],
  ])('refuses %s', async (_what, jsx) => {
    expect(await textErrors(component(jsx))).toHaveLength(1);
  });

  it.each([
    ['a translated text', "<p>{t('x')}</p>"],
    ['a translated label', "<button aria-label={t('common:close')} />"],
    ['code strings', '<div className="choices" role="radiogroup" id="x" data-state="open" />'],
    ['a type, key and name', '<input type="radio" key="a" name="language" />'],
    ['punctuation and separators', "<p>{t('a')} · {t('b')} — 42%</p>"],
  ])('lets %s through', async (_what, jsx) => {
    expect(await textErrors(component(jsx))).toEqual([]);
  });

  it('says where the text belongs', async () => {
    expect((await textErrors(component('<p>Hello</p>')))[0]).toMatch(/catalogs.*t\(/);
  });

  it('checks only the files it lists, and never tests', async () => {
    expect(i18nChecked).toContain('src/renderer/src/i18n/**');
    const literal = component('<p>Hello</p>');
    expect(await textErrors(literal, 'src/renderer/src/i18n/Example.test.tsx')).toEqual([]);
    expect(
      await textErrors(literal, 'src/renderer/src/features/settings/LanguageSetting.tsx'),
    ).toHaveLength(1);
  });

  it('sends the renderer to src/renderer/src/i18n for useTranslation', async () => {
    const importing =
      "import { useTranslation } from 'react-i18next';\nexport const x = useTranslation;\n";
    const [outside] = await eslint.lintText(importing, {
      filePath: 'src/renderer/src/features/queue/Example.tsx',
    });
    expect(outside?.messages.map((m) => m.message)).toEqual([
      expect.stringMatching(/from src\/renderer\/src\/i18n/),
    ]);
    const [inside] = await eslint.lintText(importing, { filePath: 'src/renderer/src/i18n/x.ts' });
    expect(inside?.messages).toEqual([]);
  });
});
