import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import layers from './eslint/layers.js';
import i18next from 'eslint-plugin-i18next';
import { i18nChecked } from './eslint/i18nChecked.js';

const noElectron = {
  paths: [
    {
      name: 'electron',
      message: 'Only src/main/electron and src/main/index.ts may import electron (DESIGN.md).',
    },
  ],
  patterns: [
    {
      group: ['electron/*', 'electron-store'],
      message: 'Only src/main/electron may use Electron packages.',
    },
  ],
};
const nodeMessage = 'src/shared and src/renderer must run without Node: no Node built-ins.';
const noNode = {
  paths: builtinModules.map((name) => ({ name, message: nodeMessage })),
  patterns: [{ regex: '^node:', message: nodeMessage }],
};

// No user-visible text outside the catalogs (issue 14): text in JSX, and the attributes a user
// reads or hears, must come from `t(…)`. Files join through eslint/i18nChecked.js.
const visibleAttributes = [
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
];
const noLiteralString = {
  mode: 'jsx-only',
  // Only these attributes hold text for people; className, id, type, key… are for the code.
  'jsx-attributes': { include: visibleAttributes },
  // The plugin's defaults (punctuation and digits, CONSTANTS, emoji), and the same with spaces
  // and the separators the UI puts between translated parts (" · ", " — ", " × ").
  words: {
    exclude: ['[0-9!-/:-@[-`{-~]+', '[A-Z_-]+', /^\p{Emoji}+$/u, '[\\s0-9!-/:-@[-`{-~·—–×…¢]+'],
  },
  // The plugin's defaults, and useTranslation('settings'), whose argument is a namespace.
  callees: {
    exclude: [
      'i18n(ext)?',
      't',
      'useTranslation',
      'require',
      'addEventListener',
      'removeEventListener',
      'postMessage',
      'getElementById',
      'dispatch',
      'commit',
      'includes',
      'indexOf',
      'endsWith',
      'startsWith',
    ],
  },
  'should-validate-template': true,
  message: 'User-visible text must come from the catalogs (src/renderer/src/i18n): use t(…)',
};
// On a native element the plugin checks only aria-label, title, placeholder, alt (and value,
// which is left out above: mostly an option's code); the other visible ones are checked here.
const nativeAttributeText = visibleAttributes
  .filter((name) => !['aria-label', 'title', 'placeholder', 'alt'].includes(name))
  .join('|');

const i18nMessage =
  'Import useTranslation, Trans and i18n from src/renderer/src/i18n: its entry initialises the one instance.';
const throughI18n = ['i18next', 'react-i18next'].map((name) => ({ name, message: i18nMessage }));

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      'reports/**',
      '.stryker-tmp*/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // The typed rules that catch lost promises and values printed as "[object Object]": a
  // promise nobody awaits is an error nobody sees. These four hold in the renderer too.
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-base-to-string': 'error',
    },
  },
  // The whole recommended-type-checked set (issue 13): values read without a type, methods
  // that lose their `this`, async functions that never wait.
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
  },
  // Every relative import checked against its folder's layer (eslint/layers.js).
  { files: ['src/**/*.{ts,tsx}'], plugins: { local: layers }, rules: { 'local/layers': 'error' } },
  // Playwright fixtures must destructure their (possibly empty) dependencies.
  { files: ['test/e2e/**/*.ts'], rules: { 'no-empty-pattern': 'off' } },
  // The dependency rules of DESIGN.md: shared ← core ← electron adapters ← main/index.ts.
  {
    files: ['src/main/core/**/*.{ts,tsx}', 'src/simulator/**/*.ts', 'src/host/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['src/shared/**/*.{ts,tsx}', 'src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noElectron.paths, ...noNode.paths],
          patterns: [...noElectron.patterns, ...noNode.patterns],
        },
      ],
    },
  },
  // The renderer translates through its one i18n instance, whose entry also starts it.
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/src/i18n/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noElectron.paths, ...noNode.paths, ...throughI18n],
          patterns: [...noElectron.patterns, ...noNode.patterns],
        },
      ],
    },
  },
  {
    files: i18nChecked,
    ignores: ['**/*.test.{ts,tsx}', '**/testSupport/**'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': ['error', noLiteralString],
      'no-restricted-syntax': [
        'error',
        {
          selector: `JSXOpeningElement[name.name=/^[a-z]/] > JSXAttribute[name.name=/^(${nativeAttributeText})$/] > Literal`,
          message: noLiteralString.message,
        },
      ],
    },
  },
);
