import { randomBytes } from 'node:crypto';
import { startSimulator, type Simulator, type SimulatorOptions } from './index';

/**
 * The simulator as demo mode's api.airforce, started on first use: what a newcomer without
 * a key tries the app against. Structurally core's `DemoBackend`.
 *
 * It runs inside the app, so it is locked down like a service other local processes can
 * reach: loopback only (the simulator never listens elsewhere), no `/__sim/…` control
 * routes, a key of 192 random bits made for this run, and CDN links signed with a secret
 * of this run (the simulator's `UrlSigner`).
 */
export function simulatorDemo(options: Omit<SimulatorOptions, 'control' | 'apiKey'> = {}) {
  let sim: Simulator | null = null;
  return {
    async start() {
      sim = await startSimulator({
        startBalanceCents: 500_000,
        ...options,
        control: false,
        apiKey: `sk-air-sim-${randomBytes(24).toString('base64url')}`,
      });
      return { apiBase: sim.apiBase, apiKey: sim.apiKey };
    },
    async stop() {
      await sim?.close();
    },
    simulator: () => sim,
  };
}
