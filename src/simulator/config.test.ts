import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig, startSimulator } from './index';
import {
  closeTestSimulators,
  control,
  json,
  startTestSimulator,
} from '../../test/support/testSimulator';

afterEach(closeTestSimulators);

describe('simulator config', () => {
  it('starts from the defaults, overridden by the start options', async () => {
    const plain = await startTestSimulator();
    expect(plain.configure()).toEqual(defaultConfig);
    const sim = await startTestSimulator({ taskIds: 'dotted', listLagMs: 2_000, nulls: true });
    expect(sim.configure()).toEqual({
      ...defaultConfig,
      taskIds: 'dotted',
      listLagMs: 2_000,
      nulls: true,
    });
  });

  it('changes only the given fields, in process and over /__sim/config', async () => {
    const sim = await startTestSimulator();
    expect(sim.configure({ listEnvelope: 'bare' })).toEqual({
      ...defaultConfig,
      listEnvelope: 'bare',
    });
    const answer = await control(sim, '/config', { nulls: true, statusAfterExpiry: 'completed' });
    expect(answer.status).toBe(200);
    const expected = {
      ...defaultConfig,
      listEnvelope: 'bare',
      nulls: true,
      statusAfterExpiry: 'completed',
    };
    expect(await json(answer)).toEqual(expected);
    expect(await json(await control(sim, '/config'))).toEqual(expected);
    expect(sim.configure()).toEqual(expected);
  });

  it('refuses an unknown field or a bad value, changing nothing', async () => {
    const sim = await startTestSimulator();
    for (const bad of [
      { taskIds: 'uuid' },
      { listLagMs: -1 },
      { nulls: 'yes' },
      { listEnvelop: 'bare' },
      [],
    ]) {
      const response = await control(sim, '/config', bad);
      expect(response.status, JSON.stringify(bad)).toBe(400);
      expect(await json(response)).toMatchObject({ error: { type: 'invalid_request_error' } });
    }
    expect(() => sim.configure({ listItems: 'everything' } as never)).toThrow(/listItems/);
    expect(sim.configure()).toEqual(defaultConfig);
    await expect(startSimulator({ listEnvelope: 'rows' } as never)).rejects.toThrow(/listEnvelope/);
  });
});
