import { dirname, relative, resolve, sep } from 'node:path';

/*
 * The layers of DESIGN.md, checked on every relative import (VS Code's `code-layering`):
 * a file may import only from the layers listed for its own. A rule that only bans package
 * names leaves these boundaries open, which is how core came to import the simulator.
 */

/** Folders → layer, most specific first. Paths are relative to the repository root. */
const layerOf = [
  ['src/shared/', 'shared'],
  ['src/main/core/', 'core'],
  ['src/main/electron/', 'electron'],
  ['src/main/', 'main'],
  ['src/preload/', 'preload'],
  ['src/renderer/', 'renderer'],
  ['src/simulator/', 'simulator'],
  ['src/host/', 'host'],
  ['test/', 'test'],
  ['bench/', 'test'],
  ['scripts/', 'test'],
];

/** What each production layer may import. `test` is unrestricted and not listed. */
export const allowed = {
  shared: ['shared'],
  core: ['core', 'shared'],
  electron: ['electron', 'core', 'shared'],
  // src/main/index.ts is the Electron composition root: it wires adapters to core.
  main: ['main', 'electron', 'core', 'shared'],
  preload: ['preload', 'shared'],
  renderer: ['renderer', 'shared'],
  // The simulator is a stand-alone api.airforce; it shares the wire types only.
  simulator: ['simulator', 'shared'],
  // The browser host runs the same core as Electron, with the simulator for demo mode.
  host: ['host', 'core', 'shared', 'simulator'],
};

/*
 * Files that may reach one layer further, named here so each exception is visible. Demo
 * mode runs the simulator in-process, so the Electron composition root may import it
 * (createCore.ts takes it as a port and does not). Nothing else in core or main may.
 */
export const compositionRoots = {
  'src/main/index.ts': ['simulator'],
  // Known debt (issue 13): these core tests build a core through the browser host's wiring.
  'src/main/core/createCore.test.ts': ['host'],
  'src/main/core/createCore.storage.test.ts': ['host'],
};

/** Tests may also use the simulator, test/support and the repository's config files. */
const testMay = ['simulator', 'test', 'outside'];

const testPackages = /^(vitest($|\/)|@vitest\/|@testing-library\/|@playwright\/test$)/;

function toPosix(path) {
  return path.split(sep).join('/');
}

function layer(path) {
  // `src/simulator` (a folder's index) belongs to the folder as much as `src/simulator/x`.
  return layerOf.find(([prefix]) => `${path}/`.startsWith(prefix))?.[1];
}

/** Test code: `*.test.ts(x)`, anything under test/ or bench/, and `testSupport` folders. */
export function isTestCode(path) {
  return (
    /\.test\.tsx?$/.test(path) ||
    layer(path) === 'test' ||
    /(^|\/)testSupport(\/|\.tsx?$)/.test(path)
  );
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Relative imports follow the layers of DESIGN.md.' },
    schema: [],
  },
  create(context) {
    const cwd = context.cwd ?? process.cwd();
    const file = toPosix(relative(cwd, context.filename));
    const from = layer(file);
    if (!from) return {};
    const test = isTestCode(file);

    function check(node, source) {
      if (!source || typeof source.value !== 'string') return;
      const spec = source.value;
      if (!spec.startsWith('.')) {
        if (!test && testPackages.test(spec)) {
          context.report({
            node,
            message: `Production code may not import '${spec}': it is test tooling.`,
          });
        }
        return;
      }
      const target = toPosix(relative(cwd, resolve(dirname(context.filename), spec)));
      const to = layer(target) ?? 'outside';
      if (!test && isTestCode(target)) {
        context.report({
          node,
          message: `Production code may not import test code ('${target}').`,
        });
        return;
      }
      if (from === 'test') return;
      const may = [
        ...(allowed[from] ?? []),
        ...(test ? testMay : []),
        ...(compositionRoots[file] ?? []),
      ];
      if (!may.includes(to)) {
        context.report({
          node,
          message: `${from} (${file}) may not import ${to} ('${target}'): ${from} imports only ${may.join(', ')}.`,
        });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument),
    };
  },
};

export default { rules: { layers: rule } };
