import { untypedEslint } from '../support/untypedEslint';
import { describe, expect, it } from 'vitest';

// Proves the layer rule (eslint/layers.js) fires on each boundary of DESIGN.md, and only there.
const eslint = untypedEslint();

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'local/layers').map((m) => m.message);
}

/** A one-line module at `file` importing `spec`, used so no other rule complains. */
const importing = (spec: string) => `import { x } from '${spec}';\nexport const y = x;\n`;

describe('layers on every relative import', () => {
  it.each([
    ['src/shared/x.ts', '../main/core/appService'],
    ['src/shared/x.ts', '../renderer/src/main'],
    ['src/main/core/x.ts', '../../simulator'],
    ['src/main/core/engine/x.ts', '../../../simulator/demoBackend'],
    ['src/main/core/x.ts', '../../host/hostCore'],
    ['src/main/core/x.ts', '../electron/ipc'],
    ['src/main/core/x.ts', '../index'],
    ['src/main/core/x.ts', '../../renderer/src/main'],
    ['src/main/electron/x.ts', '../../renderer/src/main'],
    ['src/main/electron/x.ts', '../../preload/index'],
    ['src/main/electron/x.ts', '../../simulator'],
    ['src/main/electron/x.ts', '../../host/hostCore'],
    ['src/preload/x.ts', '../main/core/appService'],
    ['src/preload/x.ts', '../renderer/src/main'],
    ['src/renderer/src/x.ts', '../../main/core/appService'],
    ['src/renderer/src/x.ts', '../../preload/index'],
    ['src/renderer/src/x.ts', '../../simulator'],
    ['src/host/x.ts', '../renderer/src/main'],
    ['src/host/x.ts', '../main/electron/ipc'],
    ['src/simulator/x.ts', '../renderer/src/main'],
    ['src/simulator/x.ts', '../main/core/appService'],
    // Tests keep to their layer too (plus the simulator and test/support).
    ['src/main/core/engine/x.test.ts', '../../../host/hostCore'],
    // The core's own composition tests build it with createCore, not the browser host's wiring.
    ['src/main/core/createCore.test.ts', '../../host/hostCore'],
    ['src/main/core/createCore.storage.test.ts', '../../host/hostCore'],
    ['src/renderer/src/x.test.tsx', '../../main/core/appService'],
  ])('%s may not import %s', async (file, spec) => {
    expect(await layerErrors(file, importing(spec))).toHaveLength(1);
  });

  it.each([
    ['src/shared/x.ts', './jobs'],
    ['src/main/core/x.ts', '../../shared/jobs'],
    ['src/main/electron/x.ts', '../core/appService'],
    ['src/main/electron/x.ts', '../../shared/contract'],
    ['src/main/index.ts', './electron/ipc'],
    // Demo mode: the Electron composition root runs the simulator in-process.
    ['src/main/index.ts', '../simulator/demoBackend'],
    ['src/preload/x.ts', '../shared/contract'],
    ['src/renderer/src/x.ts', '../../shared/jobs'],
    ['src/host/x.ts', '../main/core/createCore'],
    ['src/host/x.ts', '../simulator'],
    ['src/simulator/x.ts', '../shared/airforce'],
    ['src/main/core/x.test.ts', '../../simulator'],
    ['src/main/core/x.test.ts', '../../../test/support/testSimulator'],
    ['test/support/x.ts', '../../src/renderer/src/main'],
  ])('%s may import %s', async (file, spec) => {
    expect(await layerErrors(file, importing(spec))).toEqual([]);
  });

  it('checks re-exports, dynamic imports and type-only imports as well', async () => {
    expect(
      await layerErrors('src/main/core/x.ts', "export * from '../../simulator';\n"),
    ).toHaveLength(1);
    expect(
      await layerErrors('src/main/core/x.ts', "export { x } from '../../simulator';\n"),
    ).toHaveLength(1);
    const dynamic = "export const load = () => import('../../simulator');\n";
    expect(await layerErrors('src/main/core/x.ts', dynamic)).toHaveLength(1);
    const typeOnly =
      "import type { Simulator } from '../../simulator';\nexport type S = Simulator;\n";
    expect(await layerErrors('src/main/core/x.ts', typeOnly)).toHaveLength(1);
    const importType = "export type S = import('../../simulator').Simulator;\n";
    expect(await layerErrors('src/main/core/x.ts', importType)).toHaveLength(1);
  });

  it("keeps production code away from the repository's config files", async () => {
    expect(
      await layerErrors('src/main/electron/x.ts', importing('../../../electron.vite.config')),
    ).toHaveLength(1);
    expect(
      await layerErrors('src/main/electron/x.test.ts', importing('../../../electron.vite.config')),
    ).toEqual([]);
  });
});

describe('renderer features through their entries', () => {
  const features = 'src/renderer/src/features';
  it.each([
    [`${features}/queue/JobRow.tsx`, '../compose/composeStore'],
    [`${features}/queue/JobRow.tsx`, '../compose/Compose.tsx'],
    [`${features}/library/remix.ts`, '../compose/composeStore'],
    // A test inside a feature may not reach into another one either.
    [`${features}/library/Library.test.tsx`, '../nav/navStore'],
    // The renderer's root, outside every feature, uses entries too.
    ['src/renderer/src/main.tsx', './features/shell/Shell'],
    // The toolbox depends on no feature, not even through an entry.
    [`${features}/common/format.ts`, '../jobs'],
  ])('%s may not import %s', async (file, spec) => {
    expect(await layerErrors(file, importing(spec))).toHaveLength(1);
  });

  it.each([
    [`${features}/queue/JobRow.tsx`, '../compose'],
    [`${features}/queue/JobRow.tsx`, '../compose/index'],
    [`${features}/queue/JobRow.tsx`, './JobCheckPanel'],
    [`${features}/library/Library.test.tsx`, './libraryStore'],
    // `common` is a toolbox, imported file by file.
    [`${features}/queue/JobRow.tsx`, '../common/format'],
    ['src/renderer/src/main.tsx', './features/shell'],
    // The test harness resets each feature's store.
    ['src/renderer/src/testSupport/x.ts', '../features/jobs/jobsStore'],
  ])('%s may import %s', async (file, spec) => {
    expect(await layerErrors(file, importing(spec))).toEqual([]);
  });

  it('says which entry to use', async () => {
    const [message] = await layerErrors(
      `${features}/toasts/toastsStore.ts`,
      importing('../library/openClip'),
    );
    expect(message).toContain("feature 'toasts' may use feature 'library' only through its entry");
  });
});

describe('no test code in production', () => {
  it.each([
    ['src/main/core/x.ts', 'vitest'],
    ['src/shared/x.ts', 'vitest'],
    ['src/renderer/src/x.tsx', '@testing-library/react'],
    ['src/host/x.ts', '@vitest/expect'],
    ['src/main/core/x.ts', '../../../test/support/libraryTestKit'],
    ['src/simulator/x.ts', '../../test/support/testSimulator'],
    ['src/renderer/src/features/x.tsx', '../../testSupport/fakeBackend'],
  ])('%s may not import %s', async (file, spec) => {
    expect(await layerErrors(file, importing(spec))).toHaveLength(1);
  });

  it.each([
    ['src/main/core/x.test.ts', 'vitest'],
    ['src/renderer/src/x.test.tsx', '@testing-library/react'],
    ['src/renderer/src/testSupport/x.tsx', '@testing-library/react'],
    ['src/renderer/src/features/x.test.tsx', '../../testSupport/fakeBackend'],
    ['test/support/x.ts', 'vitest'],
  ])('%s may import %s', async (file, spec) => {
    expect(await layerErrors(file, importing(spec))).toEqual([]);
  });
});
