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
};

/** Tests may also use the simulator, test/support and the repository's config files. */
const testMay = ['simulator', 'test', 'outside'];

/*
 * Inside the renderer, a feature (`src/renderer/src/features/<name>/`) is used by the others
 * only through its public entry, `<name>/index.ts`: what it exports is the feature's surface,
 * and the rest can be moved or split without touching another feature. A feature's own files
 * (its tests included) import each other freely.
 */
const FEATURES = 'src/renderer/src/features/';
/*
 * `common` is not a feature but the features' shared toolbox (error text, formatting, the
 * dialog): small stateless helpers that depend on no feature, imported file by file. An entry
 * there would only tie every feature to all of them.
 */
const toolboxes = ['common'];
/* The test harness resets every feature's store between tests: state no entry exports. */
const reachesIntoFeatures = /^src\/renderer\/src\/testSupport\//;

/** `{ name, file }` of a path in a feature (`file` '' for the feature's folder itself). */
function featureOf(path) {
  if (!path.startsWith(FEATURES)) return undefined;
  const [name, ...rest] = path.slice(FEATURES.length).split('/');
  return { name, file: rest.join('/') };
}

/** Why `file` may not import `target` across features, or undefined when it may. */
function featureProblem(file, target) {
  const to = featureOf(target);
  if (!to || reachesIntoFeatures.test(file)) return undefined;
  const from = featureOf(file);
  // A file directly in features/ (no folder of its own) belongs to no feature.
  const own = from && from.file !== '' ? from.name : undefined;
  if (toolboxes.includes(to.name)) return undefined;
  if (toolboxes.includes(own) && to.name !== own)
    return `'${file}' is in the shared toolbox, which depends on no feature ('${target}').`;
  if (own === to.name || /^(index(\.tsx?)?)?$/.test(to.file)) return undefined;
  const who = own ? `feature '${own}'` : `'${file}'`;
  return `${who} may use feature '${to.name}' only through its entry ('${FEATURES}${to.name}'), not '${target}'.`;
}

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
      const crossFeature = featureProblem(file, target);
      if (crossFeature) {
        context.report({ node, message: crossFeature });
        return;
      }
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
