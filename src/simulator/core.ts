import type { ServerResponse } from 'node:http';
import { Accounts } from './accounts';
import { VirtualClock } from './clock';
import type { SimulatorConfig } from './config';
import { applyConfig } from './config';
import { defaultTaskError, FaultQueue } from './faults';
import { HeldAnswers } from './heldAnswers';
import type { MediaLibrary } from './media';
import { createRandom } from './random';
import { RequestLog } from './requestLog';
import { UrlSigner } from './signing';
import { StreamHub } from './sse';
import type { TaskError } from './tasks';
import { snapshotOf, TaskEngine } from './tasks';
import type { Timing } from './timing';
import type { CdnLinks, WireContext } from './wire';
import { statusBody } from './wire';

export interface CoreOptions {
  speed: number;
  timing: Timing;
  autoTick: boolean;
  seed: number;
  startTime: number;
  padBytes: number;
  media: MediaLibrary;
  config: SimulatorConfig;
}

const tickMs = 100;

/** Everything both servers share: time, money, tasks, faults, the log and the open streams. */
export class SimulatorCore {
  readonly clock: VirtualClock;
  readonly accounts = new Accounts();
  readonly tasks: TaskEngine;
  readonly faults = new FaultQueue();
  readonly log = new RequestLog();
  readonly streams: StreamHub;
  readonly media: MediaLibrary;
  readonly signer = new UrlSigner();
  readonly links: CdnLinks;
  /** Requests held open by a `hang` fault, closed with the simulator. */
  readonly hanging = new Set<ServerResponse>();
  /** Answers a `slow-answer` fault holds back until virtual time catches up. */
  readonly held = new HeldAnswers(this.hanging);
  private readonly stopping = new AbortController();
  private readonly autoTick: boolean;
  private ticker: NodeJS.Timeout | undefined;
  private padTo: number;
  private current: SimulatorConfig;

  constructor(options: CoreOptions) {
    this.clock = new VirtualClock(options.startTime, options.speed, options.autoTick);
    this.autoTick = options.autoTick;
    this.current = options.config;
    this.tasks = new TaskEngine(
      this.accounts,
      createRandom(options.seed),
      options.timing,
      () => this.current.taskIds,
    );
    this.media = options.media;
    this.padTo = options.padBytes;
    this.links = { base: '', signer: this.signer };
    this.streams = new StreamHub(
      (task) => statusBody(task, this.wire),
      () => this.updateTicker(),
    );
    this.tasks.onChange((task) => this.streams.publish(task));
  }

  get signal(): AbortSignal {
    return this.stopping.signal;
  }

  get config(): SimulatorConfig {
    return { ...this.current };
  }

  /** Applies a partial config (validated) and answers the whole of it. */
  configure(patch: unknown): SimulatorConfig {
    this.current = applyConfig(this.current, patch);
    return this.config;
  }

  /** How tasks look on the wire right now. */
  get wire(): WireContext {
    return { links: this.links, config: this.current };
  }

  get padBytes(): number {
    return this.padTo;
  }

  setPadBytes(bytes: number): void {
    if (!Number.isSafeInteger(bytes) || bytes < 0)
      throw new RangeError(`Invalid pad size ${bytes}`);
    this.padTo = bytes;
  }

  /** Virtual now, with every state change due by then applied (and pushed to streams). */
  settledNow(): number {
    const now = this.clock.now();
    this.tasks.settle(now);
    this.held.release(now);
    return now;
  }

  /** Holds an answer until virtual time has moved on by `ms`. */
  holdAnswer(res: ServerResponse, ms: number, send: () => void): void {
    this.held.hold(res, this.clock.now() + ms, send);
    this.settledNow();
    this.updateTicker();
  }

  async advance(ms: number): Promise<void> {
    this.clock.shift(ms);
    this.settledNow();
    this.updateTicker();
    await Promise.all([this.streams.flush(), this.held.flush()]);
  }

  failTask(taskId: string, error: TaskError = defaultTaskError): void {
    this.settledNow();
    this.tasks.fail(taskId, error);
    this.updateTicker();
  }

  expireTask(taskId: string): void {
    this.tasks.expire(taskId, this.settledNow());
    this.updateTicker();
  }

  deleteTask(taskId: string): void {
    this.tasks.remove(taskId);
    this.streams.endTask(taskId);
    this.updateTicker();
  }

  state(): object {
    return {
      now: this.clock.now(),
      padBytes: this.padTo,
      balances: this.accounts.all(),
      tasks: this.tasks.list().map(snapshotOf),
    };
  }

  /** Real time drives the simulator only while something can change or someone is waiting. */
  updateTicker(): void {
    const needed =
      this.autoTick &&
      !this.stopping.signal.aborted &&
      (this.tasks.hasActive() || this.streams.size > 0 || this.held.size > 0);
    if (needed && !this.ticker) {
      this.ticker = setInterval(() => {
        this.settledNow();
        this.updateTicker();
      }, tickMs).unref();
    } else if (!needed && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }

  stop(): void {
    this.stopping.abort();
    this.updateTicker();
    this.streams.closeAll();
    for (const res of this.hanging) res.destroy();
  }
}
