import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../../simulator';
import { startTestSimulator } from '../../../../test/support/testSimulator';
import { demoOn, useSimulatorCores } from '../../../../test/support/settingsCore';

/**
 * Issue 14, stumble 1: with the demo on, a real key typed in Settings was checked against
 * the demo's simulator and refused ("Invalid API key (HTTP 401)"). Two simulators over
 * real HTTP: the demo's, and one standing in for api.airforce with another key.
 */
const startCore = useSimulatorCores('airframe-key-in-demo-');

async function demoCore(demoSim: Simulator) {
  const { call } = await startCore({ demo: demoOn(demoSim) });
  return call;
}

const keysSeenBy = (sim: Simulator) =>
  sim.log.flatMap((entry) => (entry.authorized && entry.key ? [entry.key] : []));

describe('saving a real key while the demo is on (issue 14)', () => {
  it('checks it against the real API base, stores it for the real world, and keeps the demo on', async () => {
    const real = await startTestSimulator({ apiKey: 'sk-air-real-1111111111' });
    const demoSim = await startTestSimulator({ apiKey: 'sk-air-demo-2222222222' });
    const call = await demoCore(demoSim);
    // The user set the real base earlier, then started the demo and used it.
    await call('settings.update', { apiBase: real.apiBase });
    await call('settings.update', { demo: true });
    expect(await call('models.list', {})).toMatchObject({ ok: true });

    const saved = await call('settings.setApiKey', { apiKey: real.apiKey, sessionOnly: false });
    expect(saved).toMatchObject({
      ok: true,
      value: {
        hasApiKey: true,
        settings: { demo: true, apiKeyOrigin: new URL(real.apiBase).origin },
      },
    });
    expect(keysSeenBy(real)).toContain(real.apiKey);
    expect(keysSeenBy(demoSim)).not.toContain(real.apiKey);

    // Still the demo: its key, its simulator, until the user turns it off.
    const demoCalls = keysSeenBy(demoSim).length;
    const realCalls = keysSeenBy(real).length;
    expect(await call('models.list', {})).toMatchObject({ ok: true });
    expect(keysSeenBy(real)).toHaveLength(realCalls);
    expect(keysSeenBy(demoSim).length).toBeGreaterThanOrEqual(demoCalls);

    await call('settings.update', { demo: false });
    expect(await call('models.list', {})).toMatchObject({ ok: true });
    expect(keysSeenBy(real).length).toBeGreaterThan(realCalls);
    expect(keysSeenBy(demoSim)).not.toContain(real.apiKey);
  });

  it('a key the real API refuses is refused by the real API, not by the demo', async () => {
    const real = await startTestSimulator({ apiKey: 'sk-air-real-1111111111' });
    const demoSim = await startTestSimulator({ apiKey: 'sk-air-demo-2222222222' });
    const call = await demoCore(demoSim);
    await call('settings.update', { apiBase: real.apiBase, demo: true });
    await call('models.list', {});

    // The demo's own key is no real key: the real base refuses it.
    const answer = await call('settings.setApiKey', { apiKey: demoSim.apiKey, sessionOnly: false });
    expect(answer).toMatchObject({ ok: false, error: { message: /HTTP 401/ } });
    const refusedByReal = real.log.filter((e) => e.authorized && e.key === undefined);
    expect(refusedByReal.map((e) => e.status)).toEqual([401]);
    expect(await call('settings.get', {})).toMatchObject({ ok: true, value: { hasApiKey: false } });
  });
});
