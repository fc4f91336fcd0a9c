import { createHash } from 'node:crypto';
import { RESULT_LIFETIME_MS, type TaskStatus } from '../shared/api/schemas';
import type { Accounts } from './accounts';
import type { SimulatorConfig } from './config';
import type { Random } from './random';
import { randomCode } from './random';
import type { Schedule, Timing } from './timing';
import { planSchedule } from './timing';
import type { ResolvedRequest } from './validation';

export interface TaskError {
  type: string;
  message: string;
}

/** A task as the simulator sees it, any key; times in virtual ms. */
export interface SimTaskSnapshot extends ResolvedRequest {
  id: string;
  key: string;
  status: TaskStatus;
  progress?: number;
  error?: TaskError;
  created: number;
  expiresAt: number;
  completedAt?: number;
  /** The cost was given back (failed, or expired before completing). */
  refunded: boolean;
}

interface SimTask extends SimTaskSnapshot {
  seq: number;
  /** Exact virtual ms of creation (`created` is truncated to the second, like the wire). */
  createdMs: number;
  schedule: Schedule;
  nextStep: number;
  /** Fail instead of completing, with this error. */
  failWith?: TaskError;
}

export const maxActiveTasksPerKey = 4;

const live = (task: SimTask) => task.status === 'queued' || task.status === 'running';

/** Every task, its lifecycle in virtual time, and the money that moves with it. */
export class TaskEngine {
  private readonly tasks = new Map<string, SimTask>();
  private readonly listeners = new Set<(task: SimTaskSnapshot) => void>();
  private seq = 0;

  constructor(
    private readonly accounts: Accounts,
    private readonly random: Random,
    private readonly timing: Timing,
    private readonly idStyle: () => SimulatorConfig['taskIds'] = () => 'default',
  ) {}

  /** Called synchronously after every state change of a task. */
  onChange(listener: (task: SimTaskSnapshot) => void): void {
    this.listeners.add(listener);
  }

  create(
    key: string,
    request: ResolvedRequest,
    now: number,
    failWith?: TaskError,
  ): SimTaskSnapshot {
    let id: string;
    do id = taskId(randomCode(this.random, 13), this.idStyle());
    while (this.tasks.has(id));
    // Virtual times are whole seconds on the wire; keeping them whole here keeps both views equal.
    const created = Math.floor(now / 1000) * 1000;
    const task: SimTask = {
      ...request,
      id,
      key,
      status: 'queued',
      created,
      expiresAt: created + RESULT_LIFETIME_MS,
      refunded: false,
      seq: ++this.seq,
      createdMs: now,
      schedule: planSchedule(this.random, this.timing, now, request.durationSeconds),
      nextStep: 0,
      ...(failWith ? { failWith } : {}),
    };
    this.accounts.add(key, -request.costCents);
    this.tasks.set(id, task);
    return task;
  }

  get(id: string): SimTaskSnapshot | undefined {
    return this.tasks.get(id);
  }

  /** Newest first; ties (same millisecond) broken by creation order. */
  list(key?: string): SimTaskSnapshot[] {
    return [...this.tasks.values()]
      .filter((task) => key === undefined || task.key === key)
      .sort((a, b) => b.created - a.created || b.seq - a.seq);
  }

  /** The key's tasks created at least `lagMs` before `now`, newest first. */
  listedFor(key: string, now: number, lagMs: number): SimTaskSnapshot[] {
    return this.list(key).filter((task) => (task as SimTask).createdMs + lagMs <= now);
  }

  remove(id: string): boolean {
    return this.tasks.delete(id);
  }

  activeFor(key: string): SimTaskSnapshot[] {
    return [...this.tasks.values()].filter((task) => task.key === key && live(task));
  }

  hasActive(): boolean {
    return [...this.tasks.values()].some(live);
  }

  /** Virtual ms until the first of the key's running tasks should end. */
  msUntilSlotFrees(key: string, now: number): number {
    const ends = [...this.tasks.values()]
      .filter((t) => t.key === key && live(t))
      .map((t) => t.schedule.endsAt);
    return Math.max(0, Math.min(...ends) - now);
  }

  fail(id: string, error: TaskError): void {
    const task = this.require(id);
    if (!live(task))
      throw new Error(`Task ${id} is ${task.status}; only a queued or running task can fail`);
    this.finishAsFailed(task, error);
  }

  expire(id: string, now: number): void {
    const task = this.require(id);
    if (!live(task) && task.status !== 'completed') {
      throw new Error(
        `Task ${id} is ${task.status}; only a queued, running or completed task can expire`,
      );
    }
    task.expiresAt = Math.min(task.expiresAt, now);
    this.markExpired(task);
  }

  /** Applies, in order, every state change due by `now`. */
  settle(now: number): void {
    for (const task of this.tasks.values()) {
      while (live(task)) {
        const step = task.schedule.steps[task.nextStep];
        if (step && step.at <= now && step.at < task.schedule.endsAt) {
          task.nextStep++;
          task.status = 'running';
          task.progress = step.progress;
          this.emit(task);
        } else if (task.schedule.endsAt <= now && task.schedule.endsAt < task.expiresAt) {
          this.finish(task);
        } else {
          break;
        }
      }
      if (task.expiresAt <= now && (live(task) || task.status === 'completed'))
        this.markExpired(task);
    }
  }

  private finish(task: SimTask): void {
    if (task.failWith) return this.finishAsFailed(task, task.failWith);
    task.status = 'completed';
    task.progress = 100;
    task.completedAt = task.schedule.endsAt;
    this.emit(task);
  }

  private finishAsFailed(task: SimTask, error: TaskError): void {
    task.status = 'failed';
    task.error = error;
    this.refund(task);
    this.emit(task);
  }

  /**
   * Refunds only a task that expired before completing. The docs say expired tasks are
   * refunded, but a completed clip was delivered and downloadable for 24 hours; refunding it
   * when its result is purged would make every clip nobody downloaded free.
   */
  private markExpired(task: SimTask): void {
    if (live(task)) this.refund(task);
    task.status = 'expired';
    this.emit(task);
  }

  private refund(task: SimTask): void {
    if (task.refunded) return;
    task.refunded = true;
    if (this.accounts.has(task.key)) this.accounts.add(task.key, task.costCents);
  }

  private require(id: string): SimTask {
    const task = this.tasks.get(id);
    if (!task) throw new Error(`No task ${id}`);
    return task;
  }

  private emit(task: SimTask): void {
    for (const listener of this.listeners) listener(task);
  }
}

/** A copy without the engine's bookkeeping, safe to hand out. */
export function snapshotOf(task: SimTaskSnapshot): SimTaskSnapshot {
  const {
    seq: _seq,
    createdMs: _createdMs,
    schedule: _schedule,
    nextStep: _nextStep,
    failWith: _failWith,
    ...snapshot
  } = task as SimTask;
  return structuredClone(snapshot);
}

/**
 * Both styles wrap the same random code, so the style changes no timing or later id of a
 * seeded run. The dotted suffix is a checksum: deterministic, and the id stays unique.
 */
function taskId(code: string, style: SimulatorConfig['taskIds']): string {
  if (style === 'default') return `vid_${code}`;
  return `vid.${code}.${createHash('sha256').update(code).digest('hex').slice(0, 2)}`;
}
