import { untypedEslint } from '../support/untypedEslint';
import { describe, expect, it } from 'vitest';

// Proves the dependency rules of DESIGN.md are enforced by the lint step, not just written.
const eslint = untypedEslint();

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    'src/shared/x.ts',
    'src/renderer/src/x.tsx',
    'src/main/core/x.ts',
    'src/simulator/x.ts',
  ])('forbid electron in %s', async (file) => {
    expect(
      await restrictedImports(file, "import { app } from 'electron';\nexport const a = app;\n"),
    ).toHaveLength(1);
    expect(
      await restrictedImports(
        file,
        "import Store from 'electron-store';\nexport const s = Store;\n",
      ),
    ).toHaveLength(1);
  });

  it.each(['src/shared/x.ts', 'src/renderer/src/x.tsx'])(
    'forbid Node built-ins in %s',
    async (file) => {
      expect(
        await restrictedImports(
          file,
          "import { readFile } from 'node:fs';\nexport const r = readFile;\n",
        ),
      ).toHaveLength(1);
      expect(
        await restrictedImports(file, "import { join } from 'path';\nexport const j = join;\n"),
      ).toHaveLength(1);
    },
  );

  it('allow Node built-ins in core and electron in the electron layer', async () => {
    expect(
      await restrictedImports(
        'src/main/core/x.ts',
        "import { readFile } from 'node:fs';\nexport const r = readFile;\n",
      ),
    ).toEqual([]);
    expect(
      await restrictedImports(
        'src/main/electron/x.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
    ).toEqual([]);
    expect(
      await restrictedImports(
        'src/main/index.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
    ).toEqual([]);
  });
});
