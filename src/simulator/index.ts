import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiHandler } from './apiServer';
import { cdnHandler } from './cdn';
import type { SimulatorConfig } from './config';
import { applyConfig, configPart, defaultConfig } from './config';
import { SimulatorCore } from './core';
import type { Faults } from './faults';
import { defaultMediaDir, MediaLibrary } from './media';
import { createRandom, freshSeed, randomCode } from './random';
import type { RequestLogEntry } from './requestLog';
import type { SimTaskSnapshot } from './tasks';
import { snapshotOf } from './tasks';

export type { SimulatorConfig } from './config';
export { defaultConfig } from './config';
export type { Fault, FaultRoute, Faults } from './faults';
export type { RequestLogEntry } from './requestLog';
export type { SimTaskSnapshot, TaskError } from './tasks';

/** Every `SimulatorConfig` field may also be given at start (see config.ts for each). */
export interface SimulatorOptions extends Partial<SimulatorConfig> {
  port?: number;
  cdnPort?: number;
  /** Virtual ms per real ms. Default 1. */
  speed?: number;
  /** `fast` (default): ready in seconds. `realistic`: the provider's 30 s – 4 min. */
  timing?: 'fast' | 'realistic';
  /** Default true. When false, virtual time moves only through `clock.advance`. */
  autoTick?: boolean;
  seed?: number;
  /** For the default key; default 100_000. */
  startBalanceCents?: number;
  /** Pad every MP4 to at least this many bytes. */
  padBytes?: number;
  /** Virtual epoch ms; default Date.now(). */
  startTime?: number;
  /** Where the sample clips live; default the `media` folder next to this file. */
  mediaDir?: string;
  /**
   * The ready key; default one derived from the seed, so a seeded run is repeatable. Demo
   * mode passes a key of its own: a seed is 32 bits, and task ids would give it away.
   */
  apiKey?: string;
  /**
   * Default true. False removes the `/__sim/…` control routes (no key needed there), as the
   * demo inside the app must: any local process could otherwise mint money or read the log.
   */
  control?: boolean;
}

export interface Simulator {
  /** e.g. 'http://127.0.0.1:41234' (the client appends /v1/...). */
  readonly apiBase: string;
  /** e.g. 'http://localhost:41235': a different origin from the API. */
  readonly cdnBase: string;
  /** A ready key ('sk-air-sim-…') holding startBalanceCents. */
  readonly apiKey: string;
  readonly clock: { now(): number; advance(ms: number): Promise<void> };
  readonly faults: Faults;
  readonly log: readonly RequestLogEntry[];
  addKey(key: string, balanceCents: number): void;
  balanceOf(key: string): number;
  /** All tasks, any key, newest first. */
  tasks(): readonly SimTaskSnapshot[];
  failTask(taskId: string, error?: { type: string; message: string }): void;
  expireTask(taskId: string): void;
  setPadBytes(bytes: number): void;
  /**
   * Changes the given config fields at once (what is left out stays) and answers the whole
   * config; `configure()` just reads it. Throws on an unknown field or a bad value.
   */
  configure(partial?: Partial<SimulatorConfig>): SimulatorConfig;
  /** Closes servers, open streams, hanging requests and timers. */
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const speed = options.speed ?? 1;
  if (!(speed > 0) || !Number.isFinite(speed))
    throw new RangeError(`speed must be a positive number, got ${speed}`);
  const seed = options.seed ?? freshSeed();
  const config = applyConfig(defaultConfig, configPart(options));
  const core = new SimulatorCore({
    speed,
    timing: options.timing ?? 'fast',
    autoTick: options.autoTick ?? true,
    seed,
    startTime: options.startTime ?? Date.now(),
    padBytes: options.padBytes ?? 0,
    media: MediaLibrary.load(options.mediaDir ?? defaultMediaDir),
    config,
  });
  const apiKey =
    options.apiKey ??
    `sk-air-sim-${randomCode(createRandom(seed ^ 0x5eed), 24, 'abcdefghijklmnopqrstuvwxyz0123456789')}`;
  core.accounts.set(apiKey, options.startBalanceCents ?? 100_000);

  const api = createServer(apiHandler(core, { control: options.control ?? true }));
  const cdnHandle = cdnHandler({
    tasks: core.tasks,
    signer: core.signer,
    media: core.media,
    log: core.log,
    faults: core.faults,
    settledNow: () => core.settledNow(),
    padBytes: () => core.padBytes,
    hanging: core.hanging,
    signal: core.signal,
  });
  const apiPort = await listen(api, '127.0.0.1', options.port ?? 0);
  const cdn = createServer(cdnHandle);
  const cdnPort = await listen(cdn, '127.0.0.1', options.cdnPort ?? 0).catch(
    async (error: unknown) => {
      await close(api);
      throw error;
    },
  );
  // `localhost` may resolve to ::1 first; answer there too where the machine has IPv6.
  const cdnV6 = createServer(cdnHandle);
  const servers: Server[] = [api, cdn];
  if (await listen(cdnV6, '::1', cdnPort).catch(() => undefined)) servers.push(cdnV6);

  const apiBase = `http://127.0.0.1:${apiPort}`;
  const cdnBase = `http://localhost:${cdnPort}`;
  core.links.base = cdnBase;

  return {
    apiBase,
    cdnBase,
    apiKey,
    clock: { now: () => core.clock.now(), advance: (ms) => core.advance(ms) },
    faults: core.faults,
    log: core.log.entries,
    addKey: (key, balanceCents) => core.accounts.set(key, balanceCents),
    balanceOf: (key) => core.accounts.balanceOf(key),
    tasks: () => {
      core.settledNow();
      return core.tasks.list().map(snapshotOf);
    },
    failTask: (taskId, error) => core.failTask(taskId, error),
    expireTask: (taskId) => core.expireTask(taskId),
    setPadBytes: (bytes) => core.setPadBytes(bytes),
    configure: (partial = {}) => core.configure(partial),
    close: async () => {
      core.stop();
      await Promise.all(servers.map(close));
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
