import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FetchLike } from '../../src/main/core/airforce';
import {
  createCore,
  type Core,
  type CorePorts,
  type DemoBackend,
} from '../../src/main/core/createCore';
import { ManualClock } from '../../src/main/core/clock';
import { EventHub } from '../../src/main/core/eventHub';
import type { UserNotification } from '../../src/main/core/ports';
import { FileSecretStore } from '../../src/main/core/stores/fileSecretStore';
import { JsonFileStore } from '../../src/main/core/stores/jsonFileStore';
import { createClient, createDispatcher, type Client } from '../../src/shared/contract';
import type { Simulator } from '../../src/simulator';
import { startTestSimulator, testEpoch } from './testSimulator';

export interface HarnessCore extends Core {
  /** The contract as a host serves it: parsed, validated, answered as results. */
  client: Client;
}

/**
 * Cores built by core's own `createCore` from plain ports, on one data folder and one
 * virtual clock. Demo mode's api.airforce is a simulator on the same virtual time, started
 * on first use and kept by the harness, so a restarted core meets the tasks of the one
 * before. Time moves only through `advance`, and only once every API request sent has its
 * answer, so a request never times out on virtual time while the real one is on its way.
 * What needs no time, only I/O (a download into the library), is awaited by `settled`,
 * which looks again at each event the core sends. No test waits on the wall clock.
 */
export function coreHarness() {
  const dataDir = mkdtempSync(join(tmpdir(), 'airframe-core-'));
  const clock = new ManualClock(testEpoch);
  const notifications: UserNotification[] = [];
  const running: Core[] = [];
  const hubs = new Set<EventHub>();
  let sim: Simulator | null = null;
  const asked = new Set<Promise<unknown>>();
  const trackedFetch: FetchLike = (url, init) => {
    const answer = fetch(url, init);
    const done: Promise<unknown> = answer.then(
      () => asked.delete(done),
      () => asked.delete(done),
    );
    asked.add(done);
    return answer;
  };
  async function answered(): Promise<void> {
    while (asked.size > 0) await Promise.all([...asked]);
  }

  /** The harness's simulator, on its virtual time; started on first use. */
  async function simulatorStarted(): Promise<Simulator> {
    sim ??= await startTestSimulator({ startTime: clock.now() });
    return sim;
  }

  const demo: DemoBackend = {
    async start() {
      const started = await simulatorStarted();
      return { apiBase: started.apiBase, apiKey: started.apiKey };
    },
    // The harness closes it: the simulator outlives the cores that used it.
    stop: () => Promise.resolve(),
  };

  /** A core as an app starts it, on the harness's folder; `ports` overrides any port. */
  async function start(ports: Partial<CorePorts> = {}): Promise<HarnessCore> {
    const events = new EventHub();
    const core = await createCore({
      name: 'Airframe',
      version: '0.0.0-test',
      host: 'browser',
      store: new JsonFileStore(join(dataDir, 'store.json')),
      secrets: new FileSecretStore(join(dataDir, 'api-key')),
      dataDir,
      defaultLibraryFolder: join(dataDir, 'library'),
      reveal: () => Promise.resolve(),
      mediaMount: '/media',
      mediaBase: '/media',
      notifier: { notify: (n) => notifications.push(n) },
      events,
      demo,
      clock,
      fetch: trackedFetch,
      ...ports,
    });
    running.push(core);
    hubs.add(events);
    const client = createClient({
      invoke: createDispatcher(core.handlers, undefined, core.dispatchTexts),
      on: (name, listener) => events.subscribe((n, p) => n === name && listener(p)),
    });
    return { ...core, client };
  }

  /** Stops a core as the app stops it on quit. */
  async function stop(core: Core): Promise<void> {
    const at = running.indexOf(core);
    if (at >= 0) running.splice(at, 1);
    await core.stop();
  }

  /** Moves the simulator's clock and core's together, the simulator's first. */
  async function advance(ms: number, step = 1_000) {
    for (let done = 0; done < ms; done += step) {
      const slice = Math.min(step, ms - done);
      await answered();
      await sim?.clock.advance(slice);
      await clock.advance(slice);
    }
  }

  /** Advances virtual time in steps until the condition holds. */
  async function advanceUntil(condition: () => boolean, what: string, maxMs = 10 * 60_000) {
    for (let elapsed = 0; !condition(); elapsed += 1_000) {
      if (elapsed > maxMs)
        throw new Error(`${what} did not happen within ${maxMs / 1000} virtual seconds`);
      await advance(1_000);
    }
  }

  /** Resolves once the condition holds, looking again at each event any core sends. */
  function settled(condition: () => boolean): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve) => {
      const stops = [...hubs].map((hub) =>
        hub.subscribe(() => {
          if (!condition()) return;
          for (const stop of stops) stop();
          resolve();
        }),
      );
    });
  }

  return {
    dataDir,
    clock,
    notifications,
    start,
    stop,
    advance,
    advanceUntil,
    settled,
    /** Demo mode's simulator, once a core started it. */
    simulator: () => sim,
    /** The same simulator, started now if need be (for a core on its base, out of demo mode). */
    simulatorStarted,
    async close() {
      await Promise.all(running.splice(0).map((core) => core.stop()));
      await sim?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type CoreHarness = ReturnType<typeof coreHarness>;
