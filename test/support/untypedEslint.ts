import { ESLint } from 'eslint';

/**
 * The project's ESLint without its type-checked rules: the lint tests lint snippets at paths
 * that exist in no TypeScript project, which the type-aware parser cannot place.
 */
export function untypedEslint(): ESLint {
  return new ESLint({
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false } },
      rules: {
        '@typescript-eslint/no-floating-promises': 'off',
        '@typescript-eslint/no-misused-promises': 'off',
        '@typescript-eslint/await-thenable': 'off',
        '@typescript-eslint/no-base-to-string': 'off',
      },
    },
  });
}
