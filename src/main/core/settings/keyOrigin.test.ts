import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../../simulator';
import { startTestSimulator } from '../../../../test/support/testSimulator';
import { MemoryStore } from '../stores/memoryStore';
import { stringContaining, stringMatching } from '../../../../test/support/matchers';
import { demoOn, memorySecrets, useSimulatorCores } from '../../../../test/support/settingsCore';

/**
 * Issue 12: the API key goes only to the origin it was checked against. Real simulators
 * over HTTP stand in for api.airforce, a base a compromised UI might choose, and the demo.
 */
const core = useSimulatorCores('airframe-key-origin-');

/** Requests that carried an Authorization header other than the simulator's own key. */
const foreignKeys = (sim: Simulator) =>
  sim.log.filter((entry) => entry.authorized && entry.key !== sim.apiKey);
const sentAnyKey = (sim: Simulator) => sim.log.filter((entry) => entry.authorized);
const originOf = (sim: Simulator) => new URL(sim.apiBase).origin;

describe('the API key is bound to the origin it was checked against', () => {
  it('changing the API base forgets the key, says why, and sends it nowhere else', async () => {
    const real = await startTestSimulator();
    const other = await startTestSimulator();
    const { call } = await core();
    expect(await call('settings.update', { apiBase: real.apiBase })).toMatchObject({ ok: true });
    expect(
      await call('settings.setApiKey', { apiKey: real.apiKey, sessionOnly: false }),
    ).toMatchObject({
      ok: true,
      value: { hasApiKey: true, settings: { apiKeyOrigin: originOf(real) } },
    });

    const moved = await call('settings.update', { apiBase: other.apiBase });
    expect(moved).toMatchObject({
      ok: true,
      value: {
        hasApiKey: false,
        apiKeyNotice: `The API key was forgotten because the API base changed to ${originOf(other)}: enter it again.`,
      },
    });
    await call('models.list', {});
    expect(sentAnyKey(other)).toEqual([]);

    // Back to the first base: the key is gone for good, not merely hidden.
    await call('settings.update', { apiBase: real.apiBase });
    const before = sentAnyKey(real).length;
    await call('models.list', {});
    expect(sentAnyKey(real)).toHaveLength(before);
  });

  it('keeps the key when the API base changes within the same origin', async () => {
    const real = await startTestSimulator();
    const { call } = await core();
    await call('settings.update', { apiBase: real.apiBase });
    await call('settings.setApiKey', { apiKey: real.apiKey, sessionOnly: false });
    const moved = await call('settings.update', { apiBase: `${real.apiBase}/` });
    expect(moved).toMatchObject({ ok: true, value: { hasApiKey: true } });
  });

  it('accepts plain http only for this computer', async () => {
    const { call } = await core();
    for (const apiBase of [
      'http://api.example.com',
      'http://10.0.0.8:8787',
      'http://[::ffff:7f00:1]',
    ]) {
      const answer = await call('settings.update', { apiBase });
      expect(answer, apiBase).toMatchObject({
        ok: false,
        error: { code: 'invalid-request', message: stringMatching(/https/) },
      });
    }
    for (const apiBase of [
      'http://127.0.0.1:8787',
      'http://127.10.20.30',
      'http://localhost:9',
      'http://[::1]:8',
    ]) {
      expect(await call('settings.update', { apiBase }), apiBase).toMatchObject({ ok: true });
    }
    expect(
      await call('settings.update', { apiBase: 'https://gateway.example/airforce' }),
    ).toMatchObject({ ok: true });
  });

  it('a UI cannot bind the key to an origin of its choosing', async () => {
    const { call } = await core();
    const answer = await call('settings.update', { apiKeyOrigin: 'https://evil.example' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('a start-up override of the API base does not receive a key checked elsewhere', async () => {
    const real = await startTestSimulator();
    const other = await startTestSimulator();
    const store = new MemoryStore();
    const secrets = memorySecrets();
    const first = await core({ store, secrets });
    await first.call('settings.update', { apiBase: real.apiBase });
    await first.call('settings.setApiKey', { apiKey: real.apiKey, sessionOnly: false });

    const { call } = await core({ store, secrets, overrides: { apiBase: other.apiBase } });
    const view = await call('settings.get', {});
    expect(view).toMatchObject({
      ok: true,
      value: { hasApiKey: false, apiKeyNotice: stringContaining(originOf(real)) },
    });
    await call('models.list', {});
    expect(sentAnyKey(other)).toEqual([]);
  });

  it('refuses a start-up override that is plain http to another machine', async () => {
    await expect(core({ overrides: { apiBase: 'http://api.example.com' } })).rejects.toThrow(
      /http:\/\/api\.example\.com.*https/,
    );
  });

  it('demo and real keys never cross: each goes only to its own base', async () => {
    const real = await startTestSimulator();
    const demoSim = await startTestSimulator({ apiKey: 'sk-air-demo-0000000000' });
    const { call } = await core({ demo: demoOn(demoSim) });
    await call('settings.update', { apiBase: real.apiBase, demo: true });
    expect(await call('models.list', {})).toMatchObject({ ok: true });
    // A real key entered during the demo is checked against the real base, not the simulator.
    expect(
      await call('settings.setApiKey', { apiKey: real.apiKey, sessionOnly: false }),
    ).toMatchObject({
      ok: true,
      value: { hasApiKey: true },
    });
    expect(await call('models.list', {})).toMatchObject({ ok: true });
    await call('settings.update', { demo: false });
    expect(await call('models.list', {})).toMatchObject({ ok: true });

    expect(sentAnyKey(demoSim).length).toBeGreaterThan(0);
    expect(foreignKeys(demoSim)).toEqual([]);
    expect(sentAnyKey(real).length).toBeGreaterThan(0);
    expect(foreignKeys(real)).toEqual([]);
  });
});
