import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { defaultRendererDir, startBrowserHost, type BrowserHost } from '../../src/host/browserHost';
import { createHostCore, type HostCore } from '../../src/host/hostCore';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator';
import { seedLibrary, type SeededClip } from '../support/seedLibrary';

/**
 * The app as a user with a key meets it: a standalone simulator playing api.airforce, and a
 * browser host (not in demo mode) pointed at it, with its own data folder.
 */
export interface LiveApp {
  readonly sim: Simulator;
  readonly dataDir: string;
  readonly libraryFolder: string;
  /** The running core and host; `restart` replaces both. */
  readonly core: HostCore;
  readonly host: BrowserHost;
  /** Stops the core and host, as quitting does, and starts new ones on the same data folder and simulator. */
  restart(): Promise<void>;
}

interface LiveOptions {
  /** Fast by default (speed 20: a clip is ready in well under a second). */
  simulatorOptions: SimulatorOptions;
  /** Save the simulator's key before the page opens (through the core, as Settings does). */
  keySaved: boolean;
  /** Clips in the library folder before the core starts (wrapped: Playwright reads an array option as `[value, options]`). */
  librarySeed: { clips: readonly SeededClip[] };
}

export const test = base.extend<{ host: BrowserHost; live: LiveApp } & LiveOptions>({
  /** Each test gets its own browser host in demo mode, on its own port and data folder. */
  host: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'airframe-e2e-'));
    const core = await createHostCore({ dataDir, demo: true });
    const host = await startBrowserHost(core.handlers, core.events, {
      rendererDir: defaultRendererDir,
      media: core.media,
    });
    core.start();
    await use(host);
    await Promise.all([core.stop(), host.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  },

  simulatorOptions: [{ speed: 20 }, { option: true }],
  keySaved: [true, { option: true }],
  librarySeed: [{ clips: [] }, { option: true }],

  live: async ({ simulatorOptions, keySaved, librarySeed }, use, testInfo) => {
    const sim = await startSimulator(simulatorOptions);
    const dataDir = mkdtempSync(join(tmpdir(), 'airframe-e2e-live-'));
    const libraryFolder = join(dataDir, 'library');
    if (librarySeed.clips.length > 0) seedLibrary(libraryFolder, librarySeed.clips);

    const open = async (port?: number) => {
      const core = await createHostCore({
        dataDir,
        libraryFolder,
        apiBase: sim.apiBase,
        demo: false,
      });
      const host = await startBrowserHost(core.handlers, core.events, {
        rendererDir: defaultRendererDir,
        media: core.media,
        ...(port ? { port } : {}),
      });
      core.start();
      return { core, host };
    };
    let running = await open();
    if (keySaved)
      await running.core.handlers['settings.setApiKey']({ apiKey: sim.apiKey, sessionOnly: false });

    const close = () => Promise.all([running.core.stop(), running.host.close()]);
    await use({
      sim,
      dataDir,
      libraryFolder,
      get core() {
        return running.core;
      },
      get host() {
        return running.host;
      },
      /** As `npm run host -- --port N` restarted: the same port, a new token. */
      async restart() {
        const port = Number(new URL(running.host.url).port);
        await close();
        running = await open(port);
      },
    });
    await close();
    await sim.close();
    // A failed test keeps its data folder to look at.
    if (testInfo.status === testInfo.expectedStatus)
      rmSync(dataDir, { recursive: true, force: true });
  },
});

/**
 * Moves the simulator's clock (one without `autoTick`) in steps until `done` holds: time
 * passes only when the test says so, and never by sleeping. `sample` sees every state.
 */
export async function advanceUntil(
  sim: Simulator,
  done: () => boolean,
  options: { message: string; stepMs?: number; timeout?: number; sample?: () => void },
): Promise<void> {
  await expect
    .poll(
      async () => {
        options.sample?.();
        if (done()) return true;
        await sim.clock.advance(options.stepMs ?? 500);
        options.sample?.();
        return done();
      },
      { message: options.message, timeout: options.timeout ?? 20_000, intervals: [50] },
    )
    .toBe(true);
}

export { expect };
/** Axe on the screen as it is now: every journey calls it on each screen it visits. */
export { expectAccessible } from './axe';
