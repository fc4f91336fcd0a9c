import { startSimulator, type Simulator, type SimulatorOptions } from './index';

/**
 * The simulator as demo mode's api.airforce, started on first use: what a newcomer without
 * a key tries the app against. Structurally core's `DemoBackend`.
 */
export function simulatorDemo(options: SimulatorOptions = {}) {
  let sim: Simulator | null = null;
  return {
    async start() {
      sim = await startSimulator({ startBalanceCents: 500_000, ...options });
      return { apiBase: sim.apiBase, apiKey: sim.apiKey };
    },
    async stop() {
      await sim?.close();
    },
    simulator: () => sim,
  };
}
