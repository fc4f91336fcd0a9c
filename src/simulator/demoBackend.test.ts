import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { simulatorDemo } from './demoBackend';
import { startSimulator } from './index';
import { call, completedTask, control } from '../../test/support/testSimulator';

const demos: ReturnType<typeof simulatorDemo>[] = [];

async function startDemo() {
  const demo = simulatorDemo({ autoTick: false, seed: 7 });
  demos.push(demo);
  await demo.start();
  return demo.simulator()!;
}

afterEach(async () => {
  await Promise.all(demos.splice(0).map((demo) => demo.stop()));
});

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  const socket = connect({ host, port });
  return new Promise<boolean>((resolve) => {
    socket.setTimeout(2_000);
    socket.once('connect', () => resolve(true));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => resolve(false));
  }).finally(() => socket.destroy());
}

describe('the demo simulator inside the app', () => {
  it('has no control routes: /__sim/* answers 404 and changes nothing', async () => {
    const sim = await startDemo();
    expect((await control(sim, '/state')).status).toBe(404);
    expect((await control(sim, '/log')).status).toBe(404);
    const minted = await control(sim, '/keys', { key: 'sk-air-attacker', balanceCents: 1e9 });
    expect(minted.status).toBe(404);
    expect((await call(sim, '/v1/models', { key: 'sk-air-attacker' })).status).toBe(401);
    expect((await control(sim, '/advance', { ms: 86_400_000 })).status).toBe(404);
    expect(sim.clock.now()).toBeLessThan(Date.now() + 60_000);
  });

  it('keeps the control routes for the standalone simulator and tests', async () => {
    const sim = await startSimulator({ autoTick: false, seed: 7 });
    try {
      expect((await control(sim, '/state')).status).toBe(200);
    } finally {
      await sim.close();
    }
  });

  it('answers its API only with this run’s key, one a seed cannot give away', async () => {
    const sim = await startDemo();
    expect((await call(sim, '/v1/models', { key: null })).status).toBe(401);
    expect((await call(sim, '/v1/models', { key: 'sk-air-sim-guess' })).status).toBe(401);
    expect((await call(sim, '/v1/models')).status).toBe(200);
    // The same seed twice: the key is random each run, not derived from the seed.
    const seeded = await startSimulator({ autoTick: false, seed: 7 });
    const again = await startDemo();
    try {
      expect(new Set([sim.apiKey, again.apiKey, seeded.apiKey]).size).toBe(3);
      expect(sim.apiKey).toMatch(/^sk-air-sim-[A-Za-z0-9_-]{32}$/);
    } finally {
      await seeded.close();
    }
  });

  it('listens on loopback only', async () => {
    const sim = await startDemo();
    const api = new URL(sim.apiBase);
    const cdn = new URL(sim.cdnBase);
    expect(api.hostname).toBe('127.0.0.1');
    expect(cdn.hostname).toBe('localhost');
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && !address.internal && address.family === 'IPv4');
    expect(await accepts('127.0.0.1', Number(api.port))).toBe(true);
    if (!outside) return; // a machine with no network: nothing else to reach it from
    expect(await accepts(outside.address, Number(api.port))).toBe(false);
    expect(await accepts(outside.address, Number(cdn.port))).toBe(false);
  });

  it('serves results only through signed links', async () => {
    const sim = await startDemo();
    const task = await completedTask(sim);
    const signed = new URL(task['result_url'] as string);
    expect(signed.searchParams.get('sig')).toMatch(/^[0-9a-f]{64}$/);
    expect((await fetch(signed)).status).toBe(200);
    const unsigned = new URL(signed);
    unsigned.search = '';
    expect((await fetch(unsigned)).status).toBe(403);
    const forged = new URL(signed);
    forged.searchParams.set('sig', '0'.repeat(64));
    expect((await fetch(forged)).status).toBe(403);
  });
});
