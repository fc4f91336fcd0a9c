import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../../simulator';
import { closeTestSimulators, startTestSimulator } from '../../../../test/support/testSimulator';
import { createAirforceClient } from './client';
import { apiErrorOf } from '../../../../test/support/clientFixture';
import { stringMatching } from '../../../../test/support/matchers';

/** Issue 12: a key goes only to the origin it is bound to, checked before anything is sent. */
afterEach(() => closeTestSimulators());

const origin = (sim: Simulator) => new URL(sim.apiBase).origin;
const client = (sim: Simulator, keyOrigin: (apiKey: string) => string | null) =>
  createAirforceClient({ apiBase: sim.apiBase, keyOrigin, sleep: async () => {} });

describe('the key is sent only to the origin it is bound to', () => {
  it('refuses every call whose key is bound to another origin, and sends nothing', async () => {
    const checked = await startTestSimulator();
    const elsewhere = await startTestSimulator({ apiKey: checked.apiKey });
    const api = client(elsewhere, () => origin(checked));
    const key = checked.apiKey;
    const calls = [
      api.listModels(key),
      api.createVideo(key, { model: 'wan-2.6', prompt: 'p', duration_seconds: 5 }),
      api.getTask(key, 'vid_1'),
      api.listTasks(key),
      api.deleteTask(key, 'vid_1'),
      api.streamTask(key, 'vid_1', { onEvent: () => {} }),
    ];
    for (const call of calls) {
      expect(await apiErrorOf(call)).toEqual({
        kind: 'auth',
        status: 0,
        message: `The API key was not sent to ${origin(elsewhere)}: it was checked against ${origin(checked)} only`,
      });
    }
    expect(elsewhere.log).toEqual([]);
  });

  it('refuses a key bound nowhere', async () => {
    const sim = await startTestSimulator();
    const error = await apiErrorOf(client(sim, () => null).listModels(sim.apiKey));
    expect(error).toMatchObject({
      kind: 'auth',
      message: stringMatching(/not checked against it/),
    });
    expect(sim.log).toEqual([]);
  });

  it('sends a key to the origin it is bound to', async () => {
    const sim = await startTestSimulator();
    const bound = (key: string) => (key === sim.apiKey ? origin(sim) : null);
    expect((await client(sim, bound).listModels(sim.apiKey)).length).toBeGreaterThan(0);
    expect(sim.log).toMatchObject([{ route: 'models', authorized: true, key: sim.apiKey }]);
  });
});
