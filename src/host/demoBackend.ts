import type { DemoBackend } from '../main/core/createCore';
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator';

/** The built-in simulator as demo mode's api.airforce, started on first use. */
export function simulatorDemo(options: SimulatorOptions = {}): DemoBackend & { simulator(): Simulator | null } {
  let sim: Simulator | null = null;
  return {
    async start() {
      sim = await startSimulator({ startBalanceCents: 5_000_00, ...options });
      return { apiBase: sim.apiBase, apiKey: sim.apiKey };
    },
    async stop() {
      await sim?.close();
    },
    simulator: () => sim,
  };
}
