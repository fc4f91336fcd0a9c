import type { CreateVideoRequest, VideoTask } from '../../../shared/api/schemas';
import type { EmitEvent } from '../../../shared/contract/contract';
import type { EngineState, HoldReason, Job, JobError, JobRequest } from '../../../shared/jobs';
import type { AirforceApi } from '../airforce/types';
import type { Downloads } from '../library/types';
import { createDownloadListener } from './downloadBridge';
import type { Clock, NotificationKind, Notifier, TimerHandle } from '../ports';
import type { AppDatabase } from '../db/database';
import { admit, SLOT_STATUSES } from './admission';
import { Connectivity } from './connectivity';
import { asApiError, type EngineContext } from './context';
import { followJob } from './following';
import { toView, type JobRecord } from './jobRecord';
import { JobRepository } from './jobRepository';
import { Ledger } from './ledger';
import { ServerTasks } from './serverTasks';
import { StorageError } from '../db/connection';
import { NotificationBatcher } from './notificationBatcher';
import { ProgressThrottle } from './progressThrottle';
import { CreateTracker } from './createTracker';
import { sweep } from './sweep';
import { reconcile, submitJob } from './submission';
import { adoptTask, clipSource, endJob, failJob, observeTask } from './taskOutcomes';
import { UnclaimedTasks } from './unclaimedTasks';
import * as actions from './userActions';
import type { MoveTarget } from './jobRepository';

/** How long all work waits after the database refused a write. */
const STORAGE_RETRY_MS = 30_000;

/** How long after a lost create was sent again to look once more for its first task. */
const SWEEP_AFTER_MS = 5 * 60_000;

export interface EngineDeps {
  api: AirforceApi;
  /** Jobs, the ledger, tasks seen on the server and the engine's own flags. */
  db: AppDatabase;
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
  readonly serverTasks: ServerTasks;
  readonly connectivity: Connectivity;
  readonly random: () => number;
  readonly streamIdleTimeoutMs: number;
  readonly creates = new CreateTracker();
  readonly unclaimed: UnclaimedTasks;
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
  private lookTimer: { at: number; handle: TimerHandle } | null = null;
  private storageTimer: TimerHandle | null = null;
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
    this.repo = new JobRepository(deps.db);
    this.ledger = new Ledger(deps.db);
    this.serverTasks = new ServerTasks(deps.db);
    this.unclaimed = new UnclaimedTasks({
      get: (key) => deps.db.getMeta(key),
      set: (key, value) => deps.db.setMeta(key, value),
    });
    this.notifications = new NotificationBatcher(
      deps.clock,
      deps.notifier,
      () => deps.settings().notifications,
    );
    this.throttle = new ProgressThrottle(deps.clock, (id) => this.emitJobs([id]));
    this.connectivity = new Connectivity(
      deps.clock,
      () => this.probe(),
      () => this.onConnectivity(),
      this.random,
    );
    this.paused = deps.db.getMeta('engine.paused') === true;
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** Resumes everything a previous run left unfinished, then starts submitting. */
  start(downloads?: Downloads): void {
    this.downloads = downloads ?? null;
    for (const record of this.repo.all()) {
      if (record.status === 'completed' || record.status === 'downloading')
        this.completed(record.id);
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
      unclaimed: this.unclaimedTasks(),
    };
  }

  jobs(): Job[] {
    return this.repo.all().map(toView);
  }

  setPaused(paused: boolean): void {
    this.deps.db.setMeta('engine.paused', paused);
    this.paused = paused;
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
    try {
      this.pumpNow();
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      this.storageFailed(error);
    }
  }

  private pumpNow(): void {
    if (this.stopped || this.storageTimer) return;
    const keyProblem = this.blockedBy === 'no-key' || this.blockedBy === 'key-rejected';
    const now = this.clock.now();
    const waiting = this.retryAt !== null && now < this.retryAt;
    let nextLook = Infinity;
    for (const record of this.repo.all()) {
      if (this.inFlight.has(record.id) || keyProblem) continue;
      if (record.status === 'submitting' && this.connectivity.online && !waiting) {
        // A lost create is looked for at its time, and never while a create of the same
        // model is unanswered: the pump runs again when that answer comes.
        if (record.lookAt !== null && record.lookAt > now)
          nextLook = Math.min(nextLook, record.lookAt);
        else if (!this.creates.pending(record.request.model, record.id))
          this.run(record.id, reconcile);
      }
      if (record.status === 'remote-queued' || record.status === 'running')
        this.run(record.id, followJob);
    }
    if (!keyProblem && this.connectivity.online)
      nextLook = Math.min(nextLook, this.runDueSweeps(now));
    this.wakeAt(nextLook);
    if (this.paused || this.blockedBy || !this.connectivity.online || waiting) return;
    const { concurrency, dailyBudgetCents } = this.deps.settings();
    const spentTodayCents = this.ledger.totals(now).todayCents;
    const admission = admit(this.repo.all(), this.inFlight, {
      concurrency,
      dailyBudgetCents,
      spentTodayCents,
    });
    for (const { id, message } of admission.overBudget) {
      this.change(id, { status: 'held', holdReason: 'budget', error: { kind: 'budget', message } });
    }
    for (const id of admission.submit) this.run(id, submitJob);
  }

  // ——— what users ask for (command handlers call these; nothing else changes jobs) ———

  /** Adds jobs to the end of the queue; nothing is queued unless it is on disk. */
  addJobs(
    requests: { request: JobRequest; costCents: number | null }[],
    retryOf: string | null = null,
  ): Job[] {
    return actions.addJobs(this, requests, retryOf);
  }

  edit(id: string, request: JobRequest, costCents: number | null): Job {
    return actions.editJob(this, id, request, costCents);
  }

  move(id: string, to: MoveTarget): boolean {
    return actions.moveJob(this, id, to);
  }

  cancel(id: string): Job {
    return actions.cancelJob(this, id);
  }

  retry(id: string): Job {
    return actions.retryJob(this, id);
  }

  remove(id: string): void {
    actions.removeJob(this, id);
  }

  /** The user settles a job the engine could not pin to a task. */
  resolve(id: string, taskId: string | null): Job {
    return actions.resolveJob(this, id, taskId);
  }

  /** An unclaimed task the user set aside, or that the library imported. */
  dismissUnclaimed(taskId: string): void {
    this.unclaimed.dismiss(taskId);
    this.emitState();
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

  failJob(id: string, error: JobError): void {
    failJob(this, id, error);
  }

  knownTaskIds(): Set<string> {
    return new Set([...this.ownedTaskIds(), ...this.unclaimed.dismissed()]);
  }

  sawTasks(tasks: readonly VideoTask[]): void {
    this.serverTasks.record(tasks, this.clock.now());
  }

  suspect(tasks: readonly VideoTask[]): void {
    this.unclaimed.suspect(tasks);
  }

  backInLine(id: string): void {
    this.change(id, { status: 'queued', attemptAt: null, check: null, looks: 0, lookAt: null });
  }

  lostAttemptEnded(record: JobRecord): void {
    if (record.attemptAt === null) return;
    this.unclaimed.addSweep({
      jobId: record.id,
      attemptAt: record.attemptAt,
      at: this.clock.now() + SWEEP_AFTER_MS,
    });
  }

  /** The library could not save a delivered clip before it was purged: the server's books decide the refund. */
  expiredBeforeSaved(id: string, message: string): void {
    this.run(id, async () => {
      const record = this.repo.get(id);
      const key = await this.apiKey();
      let final: VideoTask | null = null;
      if (record?.taskId && key)
        final = await this.api.getTask(key, record.taskId, this.signal).catch(() => null);
      const current = this.repo.get(id);
      if (current?.status !== 'completed' && current?.status !== 'downloading') return;
      endJob(this, id, { kind: 'expired', message }, final, 'expired');
    });
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

  notify(
    kind: NotificationKind,
    id: string,
    extra: { clipId?: string; reason?: string } = {},
  ): void {
    const record = this.repo.get(id);
    if (record)
      this.notifications.add({ kind, jobId: id, prompt: record.request.prompt, ...extra });
  }

  // ——— internals ———

  run(id: string, work: (ctx: EngineContext, id: string) => Promise<void>): void {
    this.inFlight.add(id);
    work(this, id)
      .catch((error: unknown) => {
        if (error instanceof StorageError) return this.storageFailed(error);
        this.deps.log?.(`job ${id}: unexpected error`, error);
      })
      .finally(() => {
        this.inFlight.delete(id);
        this.schedulePump();
      });
  }

  /**
   * A change could not be written (disk full, read-only): nothing changed in memory either,
   * so starting the same work again at once would spin. All work waits, and says why.
   */
  private storageFailed(error: StorageError): void {
    this.deps.log?.('the database could not be written', error);
    this.message = `${error.message} Airframe tries again in ${STORAGE_RETRY_MS / 1000} s.`;
    if (this.storageTimer) this.clock.clearTimeout(this.storageTimer);
    this.storageTimer = this.clock.setTimeout(() => {
      this.storageTimer = null;
      this.message = null;
      this.emitState();
      this.pump();
    }, STORAGE_RETRY_MS);
    this.emitState();
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

  /** Shown once nothing is still being looked for (until then a suspect may yet be claimed). */
  private unclaimedTasks() {
    if (this.repo.all().some((r) => r.status === 'submitting' && r.check !== null)) return [];
    return this.unclaimed.list(this.ownedTaskIds());
  }

  /** Starts the sweeps that are due; returns when the next one is. */
  private runDueSweeps(now: number): number {
    let next = Infinity;
    for (const due of this.unclaimed.sweeps()) {
      if (due.at > now) next = Math.min(next, due.at);
      else if (!this.inFlight.has(`sweep:${due.jobId}`))
        this.run(`sweep:${due.jobId}`, () => sweep(this, due));
    }
    return next;
  }

  /** One timer for the earliest look or sweep that is due later. */
  private wakeAt(at: number): void {
    if (this.lookTimer && this.lookTimer.at <= at) return;
    if (this.lookTimer) this.clock.clearTimeout(this.lookTimer.handle);
    this.lookTimer = null;
    if (!Number.isFinite(at)) return;
    const handle = this.clock.setTimeout(
      () => {
        this.lookTimer = null;
        this.pump();
      },
      Math.max(0, at - this.clock.now()),
    );
    this.lookTimer = { at, handle };
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
    if (this.lookTimer) this.clock.clearTimeout(this.lookTimer.handle);
    this.lookTimer = null;
    if (this.storageTimer) this.clock.clearTimeout(this.storageTimer);
    this.storageTimer = null;
  }

  emitJobs(ids: readonly string[], order = false): void {
    if (this.stopped) return;
    const upserted = ids.flatMap((id) => {
      const record = this.repo.get(id);
      return record ? [toView(record)] : [];
    });
    const removed = ids.filter((id) => !this.repo.get(id));
    this.deps.emit('jobs.changed', {
      upserted,
      removed,
      order: order ? this.repo.all().map((r) => r.id) : null,
    });
  }

  emitState(): void {
    if (!this.stopped) this.deps.emit('engine.changed', this.state());
  }

  emitLedger(): void {
    if (!this.stopped) this.deps.emit('ledger.changed', this.ledger.totals(this.clock.now()));
  }
}
