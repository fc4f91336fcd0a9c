import { mkdtempSync, rmSync } from 'node:fs';
import type { Messages } from '../../src/main/core/i18n';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JobDraft } from '../../src/shared/jobDraft';
import type { EventName } from '../../src/shared/contract/names';
import { createAirforceClient, type FetchLike } from '../../src/main/core/airforce';
import { ManualClock } from '../../src/main/core/clock';
import { toApiRequest } from '../../src/main/core/engine/apiRequest';
import { JobEngine } from '../../src/main/core/engine/engine';
import type { EngineKey, World } from '../../src/main/core/engine/engineDeps';
import { createJobHandlers, type ClipImages } from '../../src/main/core/engine/jobCommands';
import { FIRST_KEY_ID } from '../../src/shared/apiKeys';
import { UserError } from '../../src/shared/contract/result';
import { ModelCatalog } from '../../src/main/core/models/modelCatalog';
import type { AppDatabase } from '../../src/main/core/db/database';
import { openDatabase } from '../../src/main/core/db/openDatabase';
import type { KeyValueStore, UserNotification } from '../../src/main/core/ports';
import { FileBlobStore } from '../../src/main/core/stores/fileBlobStore';
import { startSimulator } from '../../src/simulator';

export const T0 = Date.UTC(2026, 10, 24, 9, 0, 0);

export interface EngineSettings {
  concurrency: number;
  dailyBudgetCents: number | null;
  notifications: boolean;
}

const noLibrary: ClipImages = async () => {
  throw new UserError('not-found', 'This clip is no longer in the library');
};

/**
 * An engine against the simulator over real HTTP, both on virtual clocks that move
 * together, with a database file that outlives engines so a test can "crash" and restart
 * one: each engine opens its own connection to it, as a restarted app would. `legacy` is
 * a key-value store of the old format, moved into the database by the first engine.
 * `clipImages` reads a library clip's input image (a remix's); by default there is no library.
 * `timing`: the simulator's (`fast` by default; `realistic` for the provider's 30 s – 4 min).
 */
export async function engineHarness(
  options: {
    seed?: number;
    legacy?: KeyValueStore;
    clipImages?: ClipImages;
    timing?: 'fast' | 'realistic';
    /** The language the engines speak (English by default). */
    messages?: Messages;
  } = {},
) {
  const sim = await startSimulator({
    autoTick: false,
    seed: options.seed ?? 7,
    startTime: T0,
    timing: options.timing ?? 'fast',
  });
  const clock = new ManualClock(T0);
  const dataDir = mkdtempSync(join(tmpdir(), 'airframe-engine-'));
  const dbFile = join(dataDir, 'airframe.db');
  const databases: AppDatabase[] = [];
  const blobs = new FileBlobStore(mkdtempSync(join(tmpdir(), 'airframe-blobs-')));
  const settings: EngineSettings = { concurrency: 4, dailyBudgetCents: null, notifications: true };
  /** Real by default; a test may play the demo (and a demo restart, with a new session). */
  const world: World = { demo: false, session: null };
  const notifications: UserNotification[] = [];
  const events: { name: EventName; payload: unknown }[] = [];
  let apiKey: string | null = sim.apiKey;
  const engines: JobEngine[] = [];
  /** Several keys (issue 18), the first key's secret `apiKey`; null: the engine's default, one key. */
  let keys: (EngineKey & { secret: string })[] | null = null;
  const secretOf = (keyId: string) =>
    keyId === FIRST_KEY_ID ? apiKey : (keys?.find((k) => k.id === keyId)?.secret ?? null);

  function client(fetch?: FetchLike) {
    return createAirforceClient({
      apiBase: sim.apiBase,
      clock,
      random: () => 0.5,
      sleep: async () => {},
      ...(fetch ? { fetch } : {}),
    });
  }

  /** A new connection to the harness's database, as a starting app opens it. */
  function openDb() {
    const opened = openDatabase({
      file: dbFile,
      now: () => clock.now(),
      ...(options.legacy ? { legacy: options.legacy } : {}),
    });
    databases.push(opened.db);
    return opened;
  }

  function startEngine(fetch?: FetchLike) {
    const api = client(fetch);
    const { db } = openDb();
    const engine = new JobEngine({
      api,
      db,
      clock,
      notifier: { notify: (n) => notifications.push(n) },
      emit: (name, payload) => events.push({ name, payload }),
      apiKey: async (keyId) => secretOf(keyId),
      ...(keys ? { keys: () => keys ?? [] } : {}),
      settings: () => settings,
      world: () => world,
      toApiRequest: (record) => toApiRequest(record.request, blobs),
      random: () => 0.5,
      streamIdleTimeoutMs: 3_000,
      ...(options.messages ? { messages: options.messages } : {}),
    });
    const catalog = new ModelCatalog(api, async () => apiKey, clock);
    const handlers = createJobHandlers(engine, blobs, catalog, options.clipImages ?? noLibrary);
    engines.push(engine);
    engine.start();
    return { engine, handlers, db };
  }

  /** Moves both clocks, the simulator's first so its events are out before our timers fire. */
  async function advance(ms: number, step = 1_000) {
    for (let done = 0; done < ms; done += step) {
      const slice = Math.min(step, ms - done);
      await sim.clock.advance(slice);
      await clock.advance(slice);
    }
  }

  /** Waits (real time, briefly) for something already in motion to settle. */
  async function until(condition: () => boolean, what: string, timeoutMs = 5_000) {
    const started = Date.now();
    while (!condition()) {
      if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Advances virtual time in steps until the condition holds. */
  async function advanceUntil(
    condition: () => boolean,
    what: string,
    maxMs = 10 * 60_000,
    step = 1_000,
  ) {
    for (let elapsed = 0; !condition(); elapsed += step) {
      if (elapsed > maxMs)
        throw new Error(`${what} did not happen within ${maxMs / 1000} virtual seconds`);
      await advance(step, step);
    }
  }

  return {
    sim,
    clock,
    dataDir,
    dbFile,
    openDb,
    blobs,
    settings,
    world,
    notifications,
    events,
    startEngine,
    advance,
    until,
    advanceUntil,
    setApiKey: (key: string | null) => (apiKey = key),
    /** The keys engines started from now on go out with; the first key's secret stays `apiKey`. */
    useKeys: (next: (EngineKey & { secret: string })[]) => (keys = next),
    async close() {
      await Promise.all(engines.map((e) => e.stop()));
      await Promise.all(databases.map((db) => db.close()));
      await sim.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type EngineHarness = Awaited<ReturnType<typeof engineHarness>>;

export function draft(prompt: string, overrides: Partial<JobDraft> = {}): JobDraft {
  return {
    model: 'wan-2.6',
    prompt,
    mode: 'text',
    durationSeconds: 5,
    inputImages: [],
    ...overrides,
  };
}
