import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_KEY_ID } from '../../../shared/apiKeys';
import { apiOrigin } from '../../../shared/settings';
import { closeTestSimulators, startTestSimulator } from '../../../../test/support/testSimulator';
import { memorySecrets } from '../../../../test/support/settingsCore';
import { createAirforceClient } from '../airforce';
import type { SecretStore } from '../ports';
import { MemoryStore } from '../stores/memoryStore';
import { ApiKeys } from './apiKeys';
import { KeyRing } from './keyRing';
import { SettingsService } from './settingsService';

/** Issue 18: several keys, checked against a real simulator over HTTP before they are kept. */
afterEach(() => closeTestSimulators());

async function ringOn(
  options: { inUse?: string[]; store?: MemoryStore; secrets?: SecretStore } = {},
) {
  const sim = await startTestSimulator();
  const store = options.store ?? new MemoryStore();
  const secrets = options.secrets ?? memorySecrets();
  const settings = new SettingsService(store, { apiBase: sim.apiBase });
  const keys = new ApiKeys({
    settings,
    secrets,
    inDemo: () => false,
    demoKey: () => Promise.reject(new Error('no demo here')),
    client: (apiBase, keyOrigin) => createAirforceClient({ apiBase, keyOrigin }),
  });
  let ids = 0;
  const make = () =>
    new KeyRing({
      store,
      settings,
      secrets,
      keys,
      newId: () => `key-${++ids}`,
      inUse: (id) => (options.inUse ?? []).includes(id),
    });
  return { sim, store, secrets, settings, keys, ring: make(), make };
}

describe('the key ring', () => {
  it('fills the first key first, then adds each key under its own id, showing only name and last four', async () => {
    const { sim, ring, secrets, settings } = await ringOn();
    sim.addKey('sk-air-client-b-1234', 10_000);
    settings.update({ concurrency: 3 });

    const first = await ring.add('Studio', sim.apiKey, false);
    expect(first).toEqual({
      id: FIRST_KEY_ID,
      name: 'Studio',
      lastFour: sim.apiKey.slice(-4),
      concurrency: 3,
      dailyBudgetCents: null,
      state: 'ok',
      spentTodayCents: 0,
      spentTotalCents: 0,
    });
    expect(settings.get().apiKeyOrigin).toBe(apiOrigin(sim.apiBase));
    const second = await ring.add('Client B', 'sk-air-client-b-1234', false);
    expect(second).toMatchObject({
      id: 'key-1',
      name: 'Client B',
      lastFour: '1234',
      concurrency: 4,
    });
    await expect(secrets.getApiKey('key-1')).resolves.toBe('sk-air-client-b-1234');
    await expect(secrets.getApiKey()).resolves.toBe(sim.apiKey);

    const listed = JSON.stringify(await ring.list());
    expect(listed).not.toContain(sim.apiKey);
    expect(listed).not.toContain('sk-air-client-b');
    expect((await ring.list()).map((key) => key.name)).toEqual(['Studio', 'Client B']);
  });

  it('checks a key against /v1/models before keeping it: a refused one is kept nowhere', async () => {
    const { sim, ring, secrets } = await ringOn();
    await ring.add('Default', sim.apiKey, false);
    await expect(ring.add('Typo', 'sk-air-not-a-real-key', false)).rejects.toMatchObject({
      error: { kind: 'auth', status: 401 },
    });
    const asked = sim.log.filter((entry) => entry.path === '/v1/models' && entry.status === 401);
    expect(asked).toHaveLength(1);
    expect((await ring.list()).map((key) => key.name)).toEqual(['Default']);
    await expect(secrets.getApiKey('key-1')).resolves.toBeNull();
  });

  it('refuses a key it already has', async () => {
    const { sim, ring } = await ringOn();
    await ring.add('Default', sim.apiKey, false);
    await expect(ring.add('Again', sim.apiKey, false)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('renames, sets concurrency and budget; the first key’s concurrency is the app’s setting', async () => {
    const { sim, ring, settings, make } = await ringOn();
    sim.addKey('sk-air-client-b-1234', 10_000);
    await ring.add('Default', sim.apiKey, false);
    await ring.add('Client B', 'sk-air-client-b-1234', false);
    await ring.update({ id: 'key-1', name: 'Client Bee', concurrency: 2, dailyBudgetCents: 500 });
    await ring.update({ id: FIRST_KEY_ID, concurrency: 1 });
    expect(settings.get().concurrency).toBe(1);
    // Kept: a restart reads the same keys.
    expect(await make().list()).toMatchObject([
      { id: FIRST_KEY_ID, name: 'Default', concurrency: 1, dailyBudgetCents: null },
      { id: 'key-1', name: 'Client Bee', concurrency: 2, dailyBudgetCents: 500 },
    ]);
    await expect(ring.update({ id: 'nope', name: 'x' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('removes a key and its secret, but not while a job on the server uses it', async () => {
    const { sim, ring, secrets } = await ringOn({ inUse: [FIRST_KEY_ID] });
    sim.addKey('sk-air-client-b-1234', 10_000);
    await ring.add('Default', sim.apiKey, false);
    await ring.add('Client B', 'sk-air-client-b-1234', false);
    await expect(ring.remove(FIRST_KEY_ID)).rejects.toMatchObject({ code: 'conflict' });
    await expect(ring.remove('key-1')).resolves.toBe(true);
    await expect(secrets.getApiKey('key-1')).resolves.toBeNull();
    await expect(ring.remove('key-1')).resolves.toBe(false);
    expect((await ring.list()).map((key) => key.id)).toEqual([FIRST_KEY_ID]);
  });

  it('forgets the keys checked against another origin when the API base moves', async () => {
    const { sim, ring, settings, secrets } = await ringOn();
    const other = await startTestSimulator();
    sim.addKey('sk-air-client-b-1234', 10_000);
    await ring.add('Default', sim.apiKey, false);
    await ring.add('Client B', 'sk-air-client-b-1234', false);
    settings.update({ apiBase: other.apiBase });
    await ring.baseChanged();
    await expect(secrets.getApiKey('key-1')).resolves.toBeNull();
    expect(await ring.list()).toEqual([]);
  });
});
