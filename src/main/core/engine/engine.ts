import type { CreateVideoRequest, VideoTask } from '../../../shared/api/schemas';
import { isBeingSaved, type EngineState, type Job } from '../../../shared/jobs';
import type { AirforceApi } from '../airforce/types';
import type { Downloads } from '../library/types';
import { createDownloadListener } from './downloadBridge';
import type { Clock } from '../ports';
import { admitWithKeys } from './admission';
import { planWork } from './workPlan';
import { defaultStreamIdleTimeoutMs } from '../airforce/sse';
import { Connectivity, probeApi } from './connectivity';
import type { EngineContext, JobWork } from './context';
import { english, type Translate } from '../i18n';
import { followJob } from './following';
import { toView, type JobRecord } from './jobRecord';
import { JobRepository } from './jobRepository';
import { Ledger } from './ledger';
import { ServerTasks } from './serverTasks';
import { StorageError } from '../db/connection';
import { EngineEvents } from './engineEvents';
import { CreateTracker } from './createTracker';
import { runDueSweeps } from './sweep';
import { reconcile, submitJob } from './submission';
import { EngineStatus } from './engineStatus';
import { JobWriter } from './jobWriter';
import type { Facts, JobChange } from './jobChange';
import { WorkRunner } from './workRunner';
import { UnclaimedTasks } from './unclaimedTasks';
import { EngineWaits } from './waits';
import { STORAGE_RETRY_MS, type EngineDeps, type EngineKey, type World } from './engineDeps';
import { queueActions } from './userActions';
import { BatchBook } from './batchBook';
import { engineKeys, engineState, openSlots } from './keySlots';
import { FIRST_KEY_ID } from '../../../shared/apiKeys';

/**
 * The job engine: a persistent local queue, at most N tasks submitted and unfinished, each
 * followed to its end; never submits (or pays for) a job twice. `pump` starts the work; the
 * workflows (`submission.ts`, `following.ts`, the download bridge) talk to the server and
 * work out what its answer changes (`taskOutcomes.ts`, as `JobChange`s), and `apply` hands
 * those to the one writer (`jobWriter.ts`). Commands live in `jobCommands.ts`.
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
  readonly t: Translate;
  readonly batches: BatchBook;
  private readonly abort = new AbortController();
  private readonly events: EngineEvents;
  private downloads: Downloads | null = null;
  /** Paused, and which keys wait for the user (see keySlots.ts `keyState`). */
  readonly status: EngineStatus;
  private readonly waits: EngineWaits;
  private readonly writer: JobWriter;
  /** The work under way per job; a user's command may take a job's over (see serverCancel). */
  readonly work: WorkRunner;
  private stopped = false;

  /** Give this to the library's downloader. */
  readonly downloadListener = createDownloadListener(this);

  constructor(private readonly deps: EngineDeps) {
    this.api = deps.api;
    this.t = (deps.messages ?? english).t;
    this.clock = deps.clock;
    this.random = deps.random ?? Math.random;
    this.streamIdleTimeoutMs = deps.streamIdleTimeoutMs ?? defaultStreamIdleTimeoutMs;
    this.repo = new JobRepository(deps.db);
    this.ledger = new Ledger(deps.db);
    this.serverTasks = new ServerTasks(deps.db);
    this.unclaimed = new UnclaimedTasks(deps.db);
    this.events = new EngineEvents({
      emit: deps.emit,
      clock: deps.clock,
      notifier: deps.notifier,
      notificationsOn: () => deps.settings().notifications,
      ...(deps.messages ? { messages: deps.messages } : {}),
      repo: this.repo,
      ledger: this.ledger,
      state: () => this.state(),
    });
    this.connectivity = new Connectivity(
      deps.clock,
      () =>
        probeApi(this.api, () => (this.stopped ? null : this.apiKey(FIRST_KEY_ID)), this.signal),
      () => this.wake(),
      this.random,
    );
    this.waits = new EngineWaits(deps.clock, () => this.wake());
    this.status = new EngineStatus(deps.db);
    const { repo, ledger, events, waits, status, connectivity, clock } = this;
    const dailyBudgetCents = () => (this.world().demo ? null : deps.settings().dailyBudgetCents);
    this.batches = new BatchBook({ db: deps.db, repo, ledger, clock, events, dailyBudgetCents });
    const { batches } = this;
    const writing = { clock, repo, ledger, events, waits, status, connectivity };
    this.writer = new JobWriter({ ...writing, batches });
    this.work = new WorkRunner({
      storageFailed: (error) => this.storageFailed(error),
      pump: () => this.pump(),
      stopped: () => this.stopped,
      signal: this.abort.signal,
      ...(deps.log ? { log: deps.log } : {}),
    });
  }

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  /** Resumes everything a previous run left unfinished, then starts submitting. */
  start(downloads?: Downloads): void {
    this.downloads = downloads ?? null;
    this.writer.attach(this.downloads);
    for (const record of this.repo.all()) {
      if (isBeingSaved(record.status)) this.writer.save(record.id);
    }
    this.pump();
  }

  /** Stops all work; what is unfinished stays in the store for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.events.stop();
    this.abort.abort(new Error('The engine stopped'));
    this.repo.flush();
    this.connectivity.dispose();
    this.waits.dispose();
    await this.downloads?.stop();
  }

  state(): EngineState {
    return engineState(this, this.waits.retryAt, this.keys());
  }
  /** The keys jobs may go out with now, the first key first. */
  keys(): readonly EngineKey[] {
    return engineKeys(this.deps);
  }

  jobs(): Job[] {
    return this.repo.all().map(toView);
  }

  setPaused(paused: boolean): void {
    this.status.setPaused(paused);
    this.wake();
  }

  /** The user acted (new key, topped up, raised the budget): held jobs go back in line. */
  release(ids?: readonly string[]): void {
    this.status.unblock();
    for (const record of this.repo.all()) {
      if (record.status === 'held' && (!ids || ids.includes(record.id))) {
        this.change(record.id, { status: 'queued', holdReason: null, error: null });
      }
    }
    this.wake();
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
    if (this.stopped || this.waits.storageBlocked) return;
    const { status } = this;
    const now = this.clock.now();
    const waiting = this.waits.submissionsWait(now);
    const { demo } = this.world();
    const keys = this.keys();
    const plan = planWork(this.repo.all(), {
      now,
      busy: this.work.busy,
      keyProblem: (keyId) => status.keyProblem(keyId),
      online: this.connectivity.online,
      submissionsWait: waiting,
      demo,
      createPending: (model, id) => this.creates.pending(model, id),
    });
    for (const id of plan.reconcile) this.run(id, reconcile);
    for (const id of plan.follow) this.run(id, followJob);
    let nextLook = plan.nextLook;
    if (!keys.every((key) => status.keyProblem(key.id)) && this.connectivity.online)
      nextLook = Math.min(nextLook, runDueSweeps(this, now));
    this.waits.wakeAt(nextLook);
    if (status.paused || !this.connectivity.online || waiting) return;
    const admission = admitWithKeys(this.repo.all(), this.work.busy, {
      keys: openSlots(keys, status, this.ledger, now, demo),
      // The demo is free: the budget guards real money only.
      dailyBudgetCents: demo ? null : this.deps.settings().dailyBudgetCents,
      spentTodayCents: this.ledger.totals(now).todayCents,
      pausedBatches: this.batches.store.pausedIds(),
      t: this.t,
    });
    for (const { id, message } of admission.overBudget) {
      this.change(id, { status: 'held', holdReason: 'budget', error: { kind: 'budget', message } });
    }
    for (const [id, keyId] of admission.keyFor) this.run(id, (c, job) => submitJob(c, job, keyId));
  }

  /** What users ask of the queue; command handlers call these, nothing else changes jobs. */
  readonly queue = queueActions(this);

  // ——— EngineContext ———

  apiKey(keyId: string): Promise<string | null> {
    return this.deps.apiKey(keyId);
  }

  world(): World {
    return this.deps.world?.() ?? { demo: false, session: null };
  }

  toApiRequest(record: JobRecord): Promise<CreateVideoRequest> {
    return this.deps.toApiRequest(record);
  }

  /** The one place a workflow's changes are applied (see JobWriter). */
  apply(...changes: JobChange[]): void {
    this.writer.apply(changes);
  }

  facts(): Facts {
    return { ...this.writer.facts(), t: this.t };
  }

  change(id: string, patch: Partial<JobRecord>): JobRecord {
    return this.writer.change(id, patch);
  }

  knownTaskIds(): Set<string> {
    return new Set([...this.ownedTaskIds(), ...this.unclaimed.dismissed()]);
  }

  sawTasks(tasks: readonly VideoTask[]): void {
    this.serverTasks.record(tasks, this.clock.now());
  }

  /** Tasks a job owns: one in the queue, or one cleared to the history (it owns its task still). */
  ownedTaskIds(): Set<string> {
    const owned = new Set(this.repo.history.ownedTaskIds());
    for (const record of this.repo.all()) if (record.taskId) owned.add(record.taskId);
    return owned;
  }

  setDownloadsPaused(reason: string | null): void {
    this.status.downloadsPaused = reason;
    this.emitState();
  }

  isRunning(id: string): boolean {
    return this.work.isRunning(id);
  }

  run(id: string, work: JobWork): void {
    this.work.run(id, (signal) => work(this, id, signal));
  }

  /**
   * A change could not be written (disk full, read-only): nothing changed in memory either,
   * so starting the same work again at once would spin. All work waits, and says why.
   */
  private storageFailed(error: StorageError): void {
    this.deps.log?.('the database could not be written', error);
    this.status.message = this.t('job.storageRetry', {
      reason: error.message,
      seconds: STORAGE_RETRY_MS / 1000,
    });
    this.waits.blockForStorage(STORAGE_RETRY_MS, () => (this.status.message = null));
    this.emitState();
  }

  /** Something the engine waited for changed: say so, and start what can start. */
  private wake(): void {
    this.emitState();
    this.pump();
  }

  emitJobs(ids: readonly string[], order = false): void {
    this.batches.touched(ids);
    this.events.jobs(ids, order);
  }

  emitState(): void {
    this.events.state();
  }
}
