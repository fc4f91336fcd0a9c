import type { CreateVideoRequest, VideoTask } from '../../../shared/api/schemas';
import type { EmitEvent } from '../../../shared/contract/contract';
import type { EngineState, HoldReason, Job, JobError } from '../../../shared/jobs';
import type { AirforceApi } from '../airforce/types';
import type { Downloads } from '../library/types';
import { createDownloadListener } from './downloadBridge';
import type { Clock, KeyValueStore, NotificationKind, Notifier, TimerHandle } from '../ports';
import { admit, SLOT_STATUSES } from './admission';
import { Connectivity } from './connectivity';
import { asApiError, type EngineContext } from './context';
import { followJob } from './following';
import { toView, type JobRecord } from './jobRecord';
import { JobRepository } from './jobRepository';
import { Ledger } from './ledger';
import { NotificationBatcher } from './notificationBatcher';
import { ProgressThrottle } from './progressThrottle';
import { reconcile, submitJob } from './submission';
import { adoptTask, clipSource, failJob, observeTask } from './taskOutcomes';

export interface EngineDeps {
  api: AirforceApi;
  store: KeyValueStore;
  clock: Clock;
  notifier: Notifier;
  emit: EmitEvent;
  apiKey(): Promise<string | null>;
  settings(): { concurrency: number; dailyBudgetCents: number | null; notifications: boolean };
  toApiRequest(record: JobRecord): Promise<CreateVideoRequest>;
  random?: () => number;
  streamIdleTimeoutMs?: number;
  log?: (message: string, error?: unknown) => void;
}

/**
 * The job engine: a persistent local queue, at most N tasks submitted and unfinished, each
 * followed to its end; never submits (or pays for) a job twice. Commands live in
 * `jobCommands.ts`; the two workflows in `submission.ts` and `following.ts`.
 */
export class JobEngine implements EngineContext {
  readonly api: AirforceApi;
  readonly clock: Clock;
  readonly repo: JobRepository;
  readonly ledger: Ledger;
  readonly connectivity: Connectivity;
  readonly random: () => number;
  readonly streamIdleTimeoutMs: number;
  private readonly abort = new AbortController();
  private readonly inFlight = new Set<string>();
  private readonly notifications: NotificationBatcher;
  private readonly throttle: ProgressThrottle;
  private downloads: Downloads | null = null;
  private paused = false;
  private blockedBy: HoldReason | null = null;
  private message: string | null = null;
  private retryAt: number | null = null;
  private retryTimer: TimerHandle | null = null;
  private downloadsPaused: string | null = null;
  private pumpQueued = false;
  private stopped = false;

  /** Give this to the library's downloader. */
  readonly downloadListener = createDownloadListener(this);

  constructor(private readonly deps: EngineDeps) {
    this.api = deps.api;
    this.clock = deps.clock;
    this.random = deps.random ?? Math.random;
    this.streamIdleTimeoutMs = deps.streamIdleTimeoutMs ?? 45_000;
    this.repo = new JobRepository(deps.store, deps.clock);
    this.ledger = new Ledger(deps.store);
    this.notifications = new NotificationBatcher(deps.clock, deps.notifier, () => deps.settings().notifications);
    this.throttle = new ProgressThrottle(deps.clock, (id) => this.emitJobs([id]));
    this.connectivity = new Connectivity(deps.clock, () => this.probe(), () => this.onConnectivity(), this.random);
    this.paused = deps.store.get('engine.paused') === true;
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** Resumes everything a previous run left unfinished, then starts submitting. */
  start(downloads?: Downloads): void {
    this.downloads = downloads ?? null;
    for (const record of this.repo.all()) {
      if (record.status === 'completed' || record.status === 'downloading') this.completed(record.id);
    }
    this.pump();
  }

  /** Stops all work; what is unfinished stays in the store for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.abort.abort(new Error('The engine stopped'));
    this.notifications.flush();
    this.repo.flush();
    this.dispose();
    await this.downloads?.stop();
  }

  state(): EngineState {
    const active = this.repo.all().filter((r) => SLOT_STATUSES.includes(r.status)).length;
    return {
      paused: this.paused,
      offline: !this.connectivity.online,
      blockedBy: this.blockedBy,
      message: this.message,
      retryAt: this.retryAt,
      downloadsPaused: this.downloadsPaused,
      active,
      concurrency: this.deps.settings().concurrency,
    };
  }

  jobs(): Job[] {
    return this.repo.all().map(toView);
  }

  setPaused(paused: boolean): void {
    this.paused = paused;
    this.deps.store.set('engine.paused', paused);
    this.emitState();
    this.pump();
  }

  /** The user acted (new key, topped up, raised the budget): held jobs go back in line. */
  release(ids?: readonly string[]): void {
    this.blockedBy = null;
    this.message = null;
    for (const record of this.repo.all()) {
      if (record.status === 'held' && (!ids || ids.includes(record.id))) {
        this.change(record.id, { status: 'queued', holdReason: null, error: null });
      }
    }
    this.emitState();
    this.pump();
  }

  /** Starts whatever can start now. The only place work begins. */
  pump(): void {
    if (this.stopped) return;
    const keyProblem = this.blockedBy === 'no-key' || this.blockedBy === 'key-rejected';
    const waiting = this.retryAt !== null && this.clock.now() < this.retryAt;
    for (const record of this.repo.all()) {
      if (this.inFlight.has(record.id) || keyProblem) continue;
      if (record.status === 'submitting' && this.connectivity.online && !waiting) this.run(record.id, reconcile);
      if (record.status === 'remote-queued' || record.status === 'running') this.run(record.id, followJob);
    }
    if (this.paused || this.blockedBy || !this.connectivity.online || waiting) return;
    const { concurrency, dailyBudgetCents } = this.deps.settings();
    const spentTodayCents = this.ledger.totals(this.clock.now()).todayCents;
    const admission = admit(this.repo.all(), this.inFlight, { concurrency, dailyBudgetCents, spentTodayCents });
    for (const { id, message } of admission.overBudget) {
      this.change(id, { status: 'held', holdReason: 'budget', error: { kind: 'budget', message } });
    }
    for (const id of admission.submit) this.run(id, submitJob);
  }

  // ——— EngineContext ———

  apiKey(): Promise<string | null> {
    return this.deps.apiKey();
  }

  toApiRequest(record: JobRecord): Promise<CreateVideoRequest> {
    return this.deps.toApiRequest(record);
  }

  change(id: string, patch: Partial<JobRecord>): JobRecord {
    const record = this.repo.update(id, patch, this.clock.now());
    this.throttle.forget(id);
    this.emitJobs([id]);
    if (patch.status) this.emitState();
    return record;
  }

  reportProgress(id: string, progress: number): void {
    this.repo.update(id, { progress }, this.clock.now());
    this.throttle.touch(id);
  }

  block(reason: HoldReason, message: string): void {
    this.blockedBy = reason;
    this.message = message;
    this.emitState();
  }

  backOffSubmissions(ms: number): void {
    this.retryAt = this.clock.now() + ms;
    if (this.retryTimer) this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = null;
      this.retryAt = null;
      this.emitState();
      this.pump();
    }, ms);
    this.emitState();
  }

  adopt(id: string, task: VideoTask, costCents: number | null): void {
    adoptTask(this, id, task, costCents);
  }

  observe(id: string, task: VideoTask): void {
    observeTask(this, id, task);
  }

  failJob(id: string, error: JobError, refund: boolean, status: 'failed' | 'expired' = 'failed'): void {
    failJob(this, id, error, refund, status);
  }

  /** Hands a finished job to the library; without one, the job is done and the user told. */
  completed(id: string): void {
    const record = this.repo.get(id);
    if (!record) return;
    if (!this.downloads) return this.notify('ready', id);
    const source = clipSource(record, this.clock.now());
    if (source) this.downloads.enqueue(source);
  }

  ownedTaskIds(): Set<string> {
    return new Set(this.repo.all().flatMap((r) => (r.taskId ? [r.taskId] : [])));
  }

  setDownloadsPaused(reason: string | null): void {
    this.downloadsPaused = reason;
    this.emitState();
  }

  notify(kind: NotificationKind, id: string, extra: { clipId?: string; reason?: string } = {}): void {
    const record = this.repo.get(id);
    if (record) this.notifications.add({ kind, jobId: id, prompt: record.request.prompt, ...extra });
  }

  // ——— internals ———

  private run(id: string, work: (ctx: EngineContext, id: string) => Promise<void>): void {
    this.inFlight.add(id);
    work(this, id)
      .catch((error: unknown) => this.deps.log?.(`job ${id}: unexpected error`, error))
      .finally(() => {
        this.inFlight.delete(id);
        this.schedulePump();
      });
  }

  /** Coalesces the many "something finished" moments into one pump per turn. */
  private schedulePump(): void {
    if (this.pumpQueued || this.stopped) return;
    this.pumpQueued = true;
    queueMicrotask(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  private async probe(): Promise<boolean> {
    const key = await this.apiKey();
    if (!key || this.stopped) return false;
    try {
      await this.api.listModels(key, this.signal);
      return true;
    } catch (error) {
      // Any answer at all, even an error status, means the network is back.
      return asApiError(error).kind !== 'network';
    }
  }

  private onConnectivity(): void {
    this.emitState();
    this.pump();
  }

  private dispose(): void {
    this.connectivity.dispose();
    this.throttle.dispose();
    this.notifications.dispose();
    if (this.retryTimer) this.clock.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  emitJobs(ids: readonly string[], order = false): void {
    if (this.stopped) return;
    const upserted = ids.flatMap((id) => {
      const record = this.repo.get(id);
      return record ? [toView(record)] : [];
    });
    const removed = ids.filter((id) => !this.repo.get(id));
    this.deps.emit('jobs.changed', { upserted, removed, order: order ? this.repo.all().map((r) => r.id) : null });
  }

  emitState(): void {
    if (!this.stopped) this.deps.emit('engine.changed', this.state());
  }

  emitLedger(): void {
    if (!this.stopped) this.deps.emit('ledger.changed', this.ledger.totals(this.clock.now()));
  }
}
