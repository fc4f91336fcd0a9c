import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createCore, type Core, type CorePorts } from '../../src/main/core/createCore';
import { EventHub } from '../../src/main/core/eventHub';
import type { SecretStore } from '../../src/main/core/ports';
import { MemoryStore } from '../../src/main/core/stores/memoryStore';
import { FIRST_KEY_ID } from '../../src/shared/apiKeys';
import { createDispatcher } from '../../src/shared/contract';
import type { Simulator } from '../../src/simulator';
import { closeTestSimulators } from './testSimulator';

/** A secret store that keeps the keys in memory and reports them as encrypted by the OS. */
export function memorySecrets(initial: string | null = null): SecretStore {
  const keys = new Map<string, string>(initial === null ? [] : [[FIRST_KEY_ID, initial]]);
  return {
    getApiKey: (keyId = FIRST_KEY_ID) => Promise.resolve(keys.get(keyId) ?? null),
    setApiKey: (next, { keyId = FIRST_KEY_ID } = {}) => {
      if (next === null) keys.delete(keyId);
      else keys.set(keyId, next);
      return Promise.resolve();
    },
    describe: () => ({
      keyStorage: keys.has(FIRST_KEY_ID) ? 'os-encrypted' : 'none',
      secureStorageAvailable: true,
    }),
  };
}

/** A demo backend that hands out the given simulator's base and key. */
export const demoOn = (sim: Simulator): NonNullable<CorePorts['demo']> => ({
  start: () => Promise.resolve({ apiBase: sim.apiBase, apiKey: sim.apiKey }),
  stop: () => Promise.resolve(),
});

/**
 * Per-test set-up of the settings tests against simulators over real HTTP, on the wall
 * clock: `core(ports)` assembles a core by `createCore` on a fresh data folder, with a
 * memory store and memory secrets unless `ports` says otherwise. After each test every
 * core is stopped, every test simulator closed and every data folder removed.
 */
export function useSimulatorCores(prefix: string) {
  const cores: Core[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(cores.splice(0).map((core) => core.stop()));
    await closeTestSimulators();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  return async function core(ports: Partial<CorePorts> = {}) {
    const dataDir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dataDir);
    const built = await createCore({
      name: 'Airframe',
      version: '0.0.0',
      host: 'browser',
      store: new MemoryStore(),
      secrets: memorySecrets(),
      dataDir,
      defaultLibraryFolder: join(dataDir, 'library'),
      reveal: () => Promise.resolve(),
      mediaMount: '/media',
      mediaBase: '/media',
      notifier: { notify: () => {} },
      events: new EventHub(),
      ...ports,
    });
    cores.push(built);
    return { core: built, call: createDispatcher(built.handlers, undefined, built.dispatchTexts) };
  };
}
