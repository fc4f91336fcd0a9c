import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { FIRST_KEY_ID } from '../../shared/apiKeys';
import { isPaidNotSaved } from '../../shared/jobs';
import type { Notice } from '../../shared/notices';
import type { Settings } from '../../shared/settings';
import { createAirforceClient, type FetchLike } from './airforce';
import { AppService } from './appService';
import { followApiBase } from './followApiBase';
import { systemClock } from './clock';
import { openIndexDatabase } from './db/indexDatabase';
import { openDatabase } from './db/openDatabase';
import { toApiRequest } from './engine/apiRequest';
import { JobEngine } from './engine/engine';
import { keyOf } from './engine/jobRecord';
import { keyState } from './engine/keySlots';
import type { EventHub } from './eventHub';
import { dispatchTexts, LanguageChoice } from './i18n';
import { withJobMedia } from './library/jobMedia';
import { openLibrary } from './library/openLibrary';
import { ModelCatalog } from './models/modelCatalog';
import type { Clock, KeyValueStore, Notifier, SecretStore } from './ports';
import { ApiKeys } from './settings/apiKeys';
import { KeyRing } from './settings/keyRing';
import { SettingsService } from './settings/settingsService';
import { FileBlobStore } from './stores/fileBlobStore';
import { sweepInputImages } from './stores/inputImageSweep';

export interface DemoBackend {
  start(): Promise<{ apiBase: string; apiKey: string }>;
  stop(): Promise<void>;
}

export interface CorePorts {
  name: string;
  version: string;
  host: 'electron' | 'browser';
  /** Settings (and, until they are moved into the database, the old queue and ledger). */
  store: KeyValueStore;
  secrets: SecretStore;
  /** Where main keeps its own files (the database, input images, the library's index cache). */
  dataDir: string;
  /** The library folder when the user has not chosen one (`<Videos>/Airframe`). */
  defaultLibraryFolder: string;
  /** Shows a file in the system's file manager. */
  reveal: (path: string) => Promise<void>;
  /** Opens a file in the system's app for it (a clip in its video player); the browser host has none. */
  openPath?: (path: string) => Promise<void>;
  /** The system's folder picker (Electron); the browser host has none. */
  chooseFolder?: () => Promise<string | null>;
  /** Where the host mounts the media handler: '' for `clip://media/…`, '/media' over HTTP. */
  mediaMount: string;
  /** What a UI puts before a media path (`app.info`): `clip://media`, or `/media` over HTTP. */
  mediaBase: string;
  notifier: Notifier;
  events: EventHub;
  clock?: Clock;
  fetch?: FetchLike;
  /** Starts the built-in simulator for demo mode; hosts that offer the demo pass it. */
  demo?: DemoBackend;
  /** Start-up values that win over stored settings (command line, environment). */
  overrides?: Partial<Omit<Settings, 'version'>>;
  log?: (message: string, error?: unknown) => void;
  /**
   * The OS's preferred languages, most preferred first (Electron's
   * `app.getPreferredSystemLanguages()`). Without it, the ones the page reports are used.
   */
  systemLanguages?: () => readonly string[];
}

/**
 * Builds core from its ports: one place both hosts (Electron's index.ts and the browser
 * host) use, so they cannot drift apart.
 */
export async function createCore(ports: CorePorts) {
  const clock = ports.clock ?? systemClock;
  // What main says follows the language setting; `settings` is read only when a text is made.
  const language: LanguageChoice = new LanguageChoice(
    () => settings.get().language,
    ports.systemLanguages,
  );
  const { messages } = language;
  const settings = new SettingsService(ports.store, ports.overrides, (setting) =>
    language.messagesFor(setting),
  );
  const demo = demoSession(ports.demo);
  const inDemo = () => settings.get().demo && ports.demo !== undefined;
  const clientFor = (apiBase: string, keyOrigin: (apiKey: string) => string | null) =>
    createAirforceClient({
      apiBase,
      keyOrigin,
      ...(ports.fetch ? { fetch: ports.fetch } : {}),
      // Retries, timeouts and stream stalls run on core's clock, like every other timer.
      clock,
      // Its own words in main's language; the server's are quoted as they come.
      t: messages.t,
    });
  // In demo mode the built-in simulator stands in for api.airforce: its base, its key. Each
  // key goes only to the origin it belongs to (settings/apiKeys.ts).
  const keys = new ApiKeys({
    settings,
    secrets: ports.secrets,
    inDemo,
    demoKey: () => demo.ensure(),
    client: clientFor,
    messages,
  });
  // Each key's jobs go out with that key (issue 18); the demo has one key, its own.
  const ring: KeyRing = new KeyRing({
    store: ports.store,
    settings,
    secrets: ports.secrets,
    keys,
    newId: randomUUID,
    inUse: (keyId): boolean =>
      engine.jobs().some((j) => !j.demo && isPaidNotSaved(j.status) && keyOf(j) === keyId),
    stateOf: (keyId) => keyState(engine.status, keyId),
    removed: (keyId) => engine.queue.unbindKey(keyId),
    spendOf: (keyId) => engine.ledger.spentBy(keyId, clock.now()),
    messages,
  });
  await ring.load();
  const apiKey = (keyId: string = FIRST_KEY_ID): Promise<string | null> =>
    inDemo() ? keys.current() : ring.secret(keyId);
  const api = followApiBase(
    () => (inDemo() ? (demo.current()?.apiBase ?? settings.get().apiBase) : settings.get().apiBase),
    (apiBase) => clientFor(apiBase, keys.originOf),
  );
  const blobs = new FileBlobStore(join(ports.dataDir, 'inputs'));
  const catalog = new ModelCatalog(api, apiKey, clock);
  const database = openDatabase({
    file: join(ports.dataDir, 'airframe.db'),
    legacy: ports.store,
    now: () => clock.now(),
    // What moving the old store in says, in main's language at start.
    t: messages.t,
    ...(ports.log ? { log: ports.log } : {}),
  });
  const engine: JobEngine = new JobEngine({
    api,
    db: database.db,
    clock,
    notifier: ports.notifier,
    emit: ports.events.emit,
    apiKey,
    keys: () =>
      inDemo()
        ? [{ id: FIRST_KEY_ID, concurrency: settings.get().concurrency, dailyBudgetCents: null }]
        : ring.engineKeys(),
    settings: () => settings.get(),
    toApiRequest: (record) => toApiRequest(record.request, blobs),
    world: () => ({ demo: inDemo(), session: demo.current()?.id ?? null }),
    ...(ports.log ? { log: ports.log } : {}),
    messages,
  });
  // Before any command is served and before the engine pumps, so no submit is between
  // storing its image and queueing its job. A database restored from a backup (or started
  // empty) is not the whole story: the damaged file kept aside may still need its images.
  if (database.notices.every((notice) => notice.level === 'info')) {
    await sweepInputImages(
      blobs,
      {
        records: engine.repo.all(),
        setAside: database.db.setAsideRows().map((row) => row.raw),
      },
      ports.log,
    );
  }
  const warned = (message: string): Notice => ({ level: 'warning', message, at: clock.now() });
  /** What happened to the user's data while opening it, for the user (`app.notices`). */
  const notices: readonly Notice[] = [
    ...(ports.store.notices ?? []),
    ...database.notices,
    ...engine.repo.warnings.map(warned),
  ];
  // Derived from the sidecars alone: its own file, never checked page by page nor backed up.
  const index = openIndexDatabase(join(ports.dataDir, 'library-index.db'), {
    now: () => clock.now(),
  });
  // Nothing is lost: the build that follows shows its progress like a first start.
  if (index.rebuilt) ports.log?.(`The library's index is built again: ${index.rebuilt}`);
  const library = await openLibrary({
    folder: settings.get().libraryFolder ?? ports.defaultLibraryFolder,
    clock,
    api,
    getApiKey: apiKey,
    // The demo has one key, its own.
    keys: async () => (inDemo() ? [{ id: FIRST_KEY_ID, name: 'Demo' }] : await ring.list()),
    blobs,
    listener: engine.downloadListener,
    reveal: ports.reveal,
    ...(ports.openPath ? { openPath: ports.openPath } : {}),
    emit: ports.events.emit,
    db: index.db,
    onProgress: ({ done, total, finished, building }) => {
      if (building) ports.events.emit('library.indexing', { done, total, finished });
    },
    mediaMount: ports.mediaMount,
    appFolders: {
      data: ports.dataDir,
      reserved: [join(ports.dataDir, 'inputs'), join(ports.dataDir, 'backups')],
    },
    t: messages.t,
  });
  const service = new AppService({
    name: ports.name,
    version: ports.version,
    host: ports.host,
    mediaBase: ports.mediaBase,
    settings,
    secrets: ports.secrets,
    keys,
    ring,
    api,
    engine,
    catalog,
    blobs,
    library: library.service,
    ...(ports.chooseFolder ? { chooseFolder: ports.chooseFolder } : {}),
    emit: ports.events.emit,
    notices,
    messages,
    reportLanguages: (languages) => language.report(languages),
  });
  return {
    handlers: service.handlers,
    /** Hosts pass these to `createDispatcher`: refused requests in main's language. */
    dispatchTexts: dispatchTexts(messages),
    /** What main says, in the language it speaks now (shell texts, dialogs). */
    messages,
    engine,
    settings,
    library,
    notices,
    /**
     * Serves `clip://media/<id>/<kind>` (Electron) or `/media/<id>/<kind>` (browser host), and
     * a job's stored input image at `…/job/<jobId>/input-<n>` for its queue thumbnail.
     */
    media: withJobMedia(library.media, {
      mount: ports.mediaMount,
      inputImagesOf: (id) => engine.repo.get(id)?.request.inputImages,
      blobs,
    }),
    start: () => engine.start(library.downloads),
    stop: async () => {
      await engine.stop();
      await library.close();
      await demo.stop();
      await index.db.close();
      await database.db.close();
    },
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** Starts the demo simulator once, on first use. */
function demoSession(backend: DemoBackend | undefined) {
  type Session = { apiBase: string; apiKey: string; id: string };
  let session: Session | null = null;
  let starting: Promise<Session> | null = null;
  return {
    current: () => session,
    ensure: () => {
      if (!backend) throw new Error('This host offers no demo');
      // A restarted app starts a new simulator (another port, another key): its tasks are
      // not the earlier run's. The id tells them apart without keeping the key.
      starting ??= backend
        .start()
        .then(
          (started) =>
            (session = { ...started, id: sha256(`${started.apiBase} ${started.apiKey}`) }),
        );
      return starting;
    },
    stop: async () => {
      if (starting) await backend?.stop();
    },
  };
}

export type Core = Awaited<ReturnType<typeof createCore>>;
