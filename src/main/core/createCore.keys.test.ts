import { describe, expect, it } from 'vitest';
import { startTestSimulator } from '../../../test/support/testSimulator';
import { memorySecrets, useSimulatorCores } from '../../../test/support/settingsCore';
import { FIRST_KEY_ID, type KeysList, type KeyView } from '../../shared/apiKeys';
import { apiOrigin } from '../../shared/settings';
import { EventHub } from './eventHub';
import { MemoryStore } from './stores/memoryStore';

/** Issue 18 through the contract: the keys a UI lists, adds and removes, and what it sees of them. */
const core = useSimulatorCores('airframe-keys-');

describe('the keys through the contract', () => {
  it('lists the key of an earlier version as the first key, “Default”, on the first start', async () => {
    const sim = await startTestSimulator();
    const store = new MemoryStore();
    store.set('settings', {
      version: 3,
      apiBase: sim.apiBase,
      apiKeyOrigin: apiOrigin(sim.apiBase),
    });
    const { call } = await core({ store, secrets: memorySecrets(sim.apiKey) });
    expect(await call('keys.list', {})).toEqual({
      ok: true,
      value: {
        keys: [
          {
            id: FIRST_KEY_ID,
            name: 'Default',
            lastFour: sim.apiKey.slice(-4),
            concurrency: 4,
            dailyBudgetCents: null,
            state: 'ok',
            spentTodayCents: 0,
            spentTotalCents: 0,
          },
        ],
      },
    });
    expect(await call('settings.get', {})).toMatchObject({ ok: true, value: { hasApiKey: true } });
  });

  it('adds a key checked first, announces the keys without the secret, and keeps setApiKey on the first key', async () => {
    const sim = await startTestSimulator();
    sim.addKey('sk-air-client-b-9876', 10_000);
    const events = new EventHub();
    const announced: KeysList[] = [];
    events.subscribe((name, payload) => {
      if (name === 'keys.changed') announced.push(payload as KeysList);
    });
    const { call } = await core({ events, overrides: { apiBase: sim.apiBase } });
    expect(await call('settings.setApiKey', { apiKey: sim.apiKey })).toMatchObject({ ok: true });

    expect(await call('keys.add', { name: 'Client B', apiKey: 'sk-air-wrong-0000' })).toMatchObject(
      {
        ok: false,
        error: {
          code: 'invalid-request',
          message: 'The key was not saved: Invalid API key (HTTP 401)',
        },
      },
    );
    const added = await call('keys.add', { name: 'Client B', apiKey: 'sk-air-client-b-9876' });
    expect(added).toMatchObject({ ok: true, value: { name: 'Client B', lastFour: '9876' } });
    expect(JSON.stringify(announced)).not.toContain('sk-air-client-b');
    expect(JSON.stringify(announced)).not.toContain(sim.apiKey);
    expect(announced.at(-1)?.keys.map((key) => key.name)).toEqual(['Default', 'Client B']);

    // The single-key door still sets the first key, and the others stay.
    sim.addKey('sk-air-replaced-5555', 10_000);
    await call('settings.setApiKey', { apiKey: 'sk-air-replaced-5555' });
    const listed = await call('keys.list', {});
    expect(listed.ok && (listed.value as KeysList).keys.map((key) => key.lastFour)).toEqual([
      '5555',
      '9876',
    ]);

    const id = added.ok ? (added.value as KeyView).id : '';
    // A job pinned to the key goes out with it; a key there is not, refused.
    await call('jobs.pause', {});
    const draft = {
      model: 'wan-2.6',
      prompt: 'pinned',
      mode: 'text',
      durationSeconds: 5,
      inputImages: [],
    };
    expect(await call('jobs.submit', { request: draft, keyId: id })).toMatchObject({
      ok: true,
      value: { jobs: [{ keyId: id, status: 'queued' }] },
    });
    expect(await call('jobs.submit', { request: draft, keyId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await call('keys.remove', { id })).toEqual({ ok: true, value: { removed: true } });
    // The job pinned to it waits no more for a key that is gone: any key takes it.
    const after = await call('jobs.list', {});
    expect(
      after.ok && (after.value as { jobs: { keyId?: string | null }[] }).jobs[0]?.keyId,
    ).toBeNull();
    expect(await call('keys.update', { id, name: 'Gone' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});
