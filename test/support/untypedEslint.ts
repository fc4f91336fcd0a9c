import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

/**
 * The project's ESLint without its type-checked rules: the lint tests lint snippets at paths
 * that exist in no TypeScript project, which the type-aware parser cannot place.
 */
export function untypedEslint(): ESLint {
  return new ESLint({
    overrideConfig: tseslint.configs.disableTypeChecked,
  });
}
