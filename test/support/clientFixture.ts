import { afterEach, beforeEach } from 'vitest';
import { startSimulator } from '../../src/simulator';
import type { Simulator, SimulatorOptions } from '../../src/simulator';
import { createAirforceClient } from '../../src/main/core/airforce/client';
import type { AirforceClientOptions } from '../../src/main/core/airforce/client';
import { AirforceError } from '../../src/main/core/airforce/types';
import type { AirforceApi, ApiError } from '../../src/main/core/airforce/types';

/** The client against a fresh simulator on virtual time, with waits recorded instead of slept. */
export interface ClientFixture {
  sim: Simulator;
  client: AirforceApi;
  key: string;
  /** Every backoff the client asked to sleep, in ms. */
  delays: number[];
  /** Another client on the same simulator, with some options changed. */
  clientWith(options: Partial<AirforceClientOptions>): AirforceApi;
  /** The requests the simulator saw on one route. */
  requests(route: string): number;
}

export const prompt = 'A red kite over a stormy sea';

export function useSimulatorClient(simOptions: SimulatorOptions = {}): ClientFixture {
  const fixture = {} as ClientFixture;
  beforeEach(async () => {
    const sim = await startSimulator({ autoTick: false, seed: 7, ...simOptions });
    const delays: number[] = [];
    const clientWith = (options: Partial<AirforceClientOptions>) =>
      createAirforceClient({
        apiBase: sim.apiBase,
        fetch: globalThis.fetch,
        sleep: async (ms) => void delays.push(ms),
        random: () => 0.5,
        timeoutMs: 2000,
        ...options,
      });
    Object.assign(fixture, {
      sim,
      key: sim.apiKey,
      delays,
      client: clientWith({}),
      clientWith,
      requests: (route: string) => sim.log.filter((entry) => entry.route === route).length,
    });
  });
  afterEach(async () => {
    await fixture.sim.close();
  });
  return fixture;
}

/** The ApiError a call rejected with (fails the test when it resolved or threw something else). */
export async function apiErrorOf(call: Promise<unknown>): Promise<ApiError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AirforceError) return error.error;
    throw error;
  }
  throw new Error('Expected the call to fail');
}

/** Advances virtual time in small steps until `done` settles (or gives up after `maxMs`). */
export async function advanceUntil(
  sim: Simulator,
  done: Promise<unknown>,
  stepMs = 250,
  maxMs = 60_000,
): Promise<void> {
  let settled = false;
  void done.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let elapsed = 0; !settled && elapsed < maxMs; elapsed += stepMs)
    await sim.clock.advance(stepMs);
}
