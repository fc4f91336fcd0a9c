import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ManualClock } from '../../src/main/core/clock';
import { createCore, type Core } from '../../src/main/core/createCore';
import { EventHub } from '../../src/main/core/eventHub';
import { FileSecretStore } from '../../src/main/core/stores/fileSecretStore';
import { JsonFileStore } from '../../src/main/core/stores/jsonFileStore';
import { createDispatcher, type Dispatch } from '../../src/shared/contract';
import { DEFAULT_API_BASE } from '../../src/shared/settings';
import { simulatorDemo } from '../../src/simulator/demoBackend';
import type { FuzzWorld } from './contractFuzz';
import { hostileStrings, POLLUTION_MARK, safeFolderProbes } from './hostileValues';
import { seedLibrary } from './seedLibrary';

/**
 * The assembled core in demo mode behind the real dispatcher, inside one temporary root,
 * with what the fuzz test must find unchanged afterwards: the prototypes, the files
 * outside the data and library folders, the paths the inputs name, and a process that
 * saw no uncaught error.
 */
export interface FuzzHarness {
  dispatch: Dispatch;
  world: FuzzWorld;
  core: Core;
  /** URLs core asked `fetch` for (only loopback is let through). */
  fetched: URL[];
  /** Errors the dispatcher reported as unexpected (`internal`). */
  unexpected: { command: string; error: unknown }[];
  /** Demo mode, the default API base, the queue running: where each command's cases start. */
  baseline(): Promise<void>;
  /** Whatever changed that must not have: empty when all is well. */
  damage(): string[];
  /** Stops core and removes the root; answers `damage()` as it was just before the removal. */
  close(): Promise<string[]>;
}

const ENV = ['HOME', 'TMPDIR', 'TMP', 'TEMP', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME'];

export async function openFuzzHarness(seed: number): Promise<FuzzHarness> {
  const root = mkdtempSync(join(tmpdir(), 'airframe-fuzz-'));
  const dirs = {
    data: join(root, 'data'),
    library: join(root, 'library'),
    libraries: join(root, 'libraries'),
  };
  for (const dir of [...Object.values(dirs), join(root, 'home'), join(root, 'tmp')]) mkdirSync(dir);
  // Whatever reaches for the user's home or a temporary folder lands inside the root, where it shows.
  const savedEnv = ENV.map((name) => [name, process.env[name]] as const);
  for (const name of ENV)
    process.env[name] = join(root, name === 'HOME' || name.startsWith('XDG') ? 'home' : 'tmp');
  seedLibrary(dirs.library, [
    { taskId: 'fuzzClip1', prompt: 'a paper plane over a lake' },
    { taskId: 'fuzz_clip-2', prompt: 'rain on a tin roof', favourite: true },
    { taskId: 'opaque/task:3 ü', prompt: 'an opaque task id' },
    { taskId: 'fuzzClip4', prompt: 'the fourth clip' },
  ]);

  const named = namedPaths(root);
  const before = {
    prototypes: prototypeState(),
    named: named.map(pathState),
    etc: listing('/etc'),
  };
  const problems: string[] = [];
  const onUncaught = (error: unknown) => problems.push(`uncaught exception: ${String(error)}`);
  const onUnhandled = (error: unknown) => problems.push(`unhandled rejection: ${String(error)}`);
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUnhandled);

  const fetched: URL[] = [];
  const demo = simulatorDemo({ seed, autoTick: false });
  const simulatorOrigin = () => {
    const simulator = demo.simulator();
    return simulator ? new URL(simulator.apiBase).origin : null;
  };
  const events = new EventHub();
  const core = await createCore({
    name: 'Airframe',
    version: '0.0.0-fuzz',
    host: 'browser',
    store: new JsonFileStore(join(dirs.data, 'store.json')),
    secrets: new FileSecretStore(join(dirs.data, 'api-key')),
    dataDir: dirs.data,
    defaultLibraryFolder: dirs.library,
    reveal: async () => {},
    mediaMount: '/media',
    mediaBase: '/media',
    notifier: { notify: () => {} },
    events,
    // Virtual time everywhere: no poll, retry or rescan fires while the fuzz runs.
    clock: new ManualClock(Date.UTC(2026, 10, 24, 12)),
    // Any other server refuses the key at once. A network error instead would be retried
    // after real seconds: the client's backoff does not sleep on the injected clock.
    fetch: async (href, init) => {
      const url = new URL(href);
      fetched.push(url);
      if (url.origin === simulatorOrigin()) return fetch(href, init);
      const body = { error: { type: 'authentication_error', message: 'Invalid API key' } };
      return Response.json(body, { status: 401 });
    },
    demo,
    log: () => {},
  });
  const unexpected: FuzzHarness['unexpected'] = [];
  const dispatch = createDispatcher(core.handlers, (command, error) =>
    unexpected.push({ command, error }),
  );
  let folders = 0;
  const world: FuzzWorld = {
    jobIds: () => core.engine.jobs().map((job) => job.id),
    clipIds: () => [...core.library.folder.index.entries()].map((entry) => entry.clip.id),
    taskIds: () => [...core.library.folder.index.entries()].map((entry) => entry.sidecar.taskId),
    blobIds: () =>
      core.engine
        .jobs()
        .flatMap((job) =>
          job.request.inputImages.flatMap((i) => ('blobId' in i ? [i.blobId] : [])),
        ),
    freshFolder: () => join(dirs.libraries, `folder-${++folders}`),
  };

  const allowed = [dirs.data, dirs.library, dirs.libraries];
  const damage = () => [
    ...problems,
    ...diffPrototypes(before.prototypes, prototypeState()),
    ...(({} as Record<string, unknown>)[POLLUTION_MARK] !== undefined
      ? [`({}).${POLLUTION_MARK} is set`]
      : []),
    ...named.flatMap((path, i) =>
      pathState(path) !== before.named[i]
        ? [`${path} changed: ${before.named[i]} → ${pathState(path)}`]
        : [],
    ),
    ...(listing('/etc') !== before.etc ? ['/etc changed'] : []),
    ...walk(root)
      .filter((path) => !allowed.some((dir) => path === dir || path.startsWith(dir + sep)))
      .filter((path) => ![join(root, 'home'), join(root, 'tmp')].includes(path))
      .map((path) => `created outside the data and library folders: ${relative(root, path)}`),
  ];

  const baseline = async () => {
    const patch = { demo: true, apiBase: DEFAULT_API_BASE, concurrency: 4, dailyBudgetCents: null };
    for (const [name, request] of [
      ['settings.update', patch],
      ['jobs.resume', {}],
    ] as const) {
      const result = await dispatch(name, request);
      if (!result.ok) throw new Error(`The fuzz baseline failed: ${result.error.message}`);
    }
  };

  return {
    dispatch,
    world,
    baseline,
    core,
    fetched,
    unexpected,
    damage,
    close: async () => {
      await core.stop();
      // Errors of work cut short by the stop surface on the next turns, still under watch.
      await new Promise((resolveTurn) => setTimeout(resolveTurn, 50));
      const found = damage();
      process.off('uncaughtException', onUncaught);
      process.off('unhandledRejection', onUnhandled);
      for (const [name, value] of savedEnv) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      rmSync(root, { recursive: true, force: true });
      return found;
    },
  };
}
/** The paths the inputs name, where a careless join or resolve would put them. */
function namedPaths(root: string): string[] {
  const strings = [...hostileStrings(), ...safeFolderProbes()].filter((s) => s.length < 1000);
  const paths = strings.flatMap((s) => {
    const path = s.split('\0')[0]!;
    if (path === '') return [];
    // Devices and process files change by themselves, and nothing can be created in them.
    if (/^\/(dev|proc)\//.test(path)) return [];
    return isAbsolute(path) ? [path] : [resolve(process.cwd(), path), resolve(root, path)];
  });
  return [...new Set(paths)];
}

function pathState(path: string): string {
  try {
    const info = lstatSync(path);
    // A folder's own time changes whenever anyone adds to it (/tmp): only what is in it counts.
    return info.isDirectory() ? 'a folder' : `a file of ${info.size} bytes, ${info.mtimeMs}`;
  } catch {
    return existsSync(path) ? 'unreadable' : 'absent';
  }
}

const listing = (dir: string) => readdirSync(dir).sort().join('\n');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? [path, ...walk(path)] : [path];
  });
}

const prototypes = {
  Object: Object.prototype,
  Array: Array.prototype,
  Function: Function.prototype,
  String: String.prototype,
};

function prototypeState(): Map<string, unknown> {
  const state = new Map<string, unknown>();
  for (const [name, prototype] of Object.entries(prototypes)) {
    for (const key of Reflect.ownKeys(prototype)) {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, key)!;
      state.set(`${name}.prototype.${String(key)}`, descriptor.value ?? descriptor.get);
    }
  }
  return state;
}

function diffPrototypes(before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys]
    .filter((key) => before.get(key) !== after.get(key) || before.has(key) !== after.has(key))
    .map((key) => `${key} changed`);
}
