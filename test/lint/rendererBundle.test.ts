import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/*
 * The renderer ships no zod: main is the boundary that parses everything crossing the
 * contract, and the renderer trusts main's typed answers. This walks the modules the
 * renderer's bundle is made of — from `main.tsx`, following every import that survives
 * compilation (`import()` too: a lazy chunk is still downloaded) — and fails naming the
 * chain that reaches zod. `import type` and `export type` vanish, so they are not followed;
 * under `verbatimModuleSyntax` an `import { type A }` with no value left still loads its
 * module, so it is followed.
 *
 * And the first chunk stays small: following static imports alone from `main.tsx`, the
 * screens and dialogs loaded with `React.lazy` are not reached (a static import anywhere would
 * pull them, and all they import, back into the first chunk).
 */
const root = resolve(import.meta.dirname, '../..');
const entry = join(root, 'src/renderer/src/main.tsx');
const forbidden = (spec: string): boolean => spec === 'zod' || spec.startsWith('zod/');

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}

/** The specifiers of a file's imports that are still there at run time (`import()` too, unless `dynamic` is false). */
export function runtimeImports(file: string, dynamic = true): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const specs: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!node.importClause?.isTypeOnly) specs.push(node.moduleSpecifier.text);
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause);
      const allTypes = named && node.exportClause.elements.every((e) => e.isTypeOnly);
      if (!node.isTypeOnly && !allTypes) specs.push(node.moduleSpecifier.text);
    } else if (
      dynamic &&
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      specs.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specs;
}

/** Every source module reached from `start` by static imports alone: the first chunk. */
export function staticallyReached(start: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  for (let file = queue.shift(); file; file = queue.shift()) {
    for (const spec of runtimeImports(file, false)) {
      const target = spec.startsWith('.') ? resolveImport(file, spec) : undefined;
      if (target && !seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}

/** The first chain of modules from `start` to a forbidden package, or null. */
export function chainToForbidden(start: string): string[] | null {
  const seen = new Set<string>([start]);
  const queue: string[][] = [[start]];
  while (queue.length > 0) {
    const chain = queue.shift() ?? [];
    const file = chain[chain.length - 1] ?? start;
    for (const spec of runtimeImports(file)) {
      if (forbidden(spec)) return [...chain.map((f) => relative(root, f)), spec];
      if (!spec.startsWith('.') || /\.(css|svg|png|woff2?)$/.test(spec)) continue;
      const target = resolveImport(file, spec);
      if (!target || seen.has(target)) continue;
      seen.add(target);
      queue.push([...chain, target]);
    }
  }
  return null;
}

describe('the renderer bundle', () => {
  it('reaches no zod from main.tsx', () => {
    expect(chainToForbidden(entry)).toBeNull();
  });

  it('would name the chain if a module it loads imported zod', () => {
    // The walk itself can fail: the contract's schemas do import zod, through shared modules.
    expect(chainToForbidden(join(root, 'src/shared/contract/dispatcher.ts'))).toEqual([
      'src/shared/contract/dispatcher.ts',
      'src/shared/contract/contract.ts',
      'zod',
    ]);
    expect(runtimeImports(join(root, 'src/renderer/src/features/toasts/toastsStore.ts'))).toEqual(
      expect.not.arrayContaining(['zod']),
    );
  });

  it('loads Library, Settings, the crop dialog and the Dutch texts only when needed', () => {
    const first = [...staticallyReached(entry)].map((file) => relative(root, file));
    expect(first).toContain('src/renderer/src/features/compose/Compose.tsx');
    expect(first).toContain('src/renderer/src/features/queue/Queue.tsx');
    for (const lazy of [
      'src/renderer/src/features/library/Library.tsx',
      'src/renderer/src/features/library/ClipView.tsx',
      'src/renderer/src/features/settings/Settings.tsx',
      'src/renderer/src/features/compose/CropDialog.tsx',
      'src/renderer/src/features/batch/BatchBuilder.tsx',
      'src/renderer/src/features/common/Dialog.tsx',
      'src/renderer/src/i18n/locales/nl/index.ts',
    ])
      expect(first).not.toContain(lazy);
  });
});
