import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import layers from './eslint/layers.js';

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
);
