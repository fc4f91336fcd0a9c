import type { EmitEvent } from '../../../shared/contract/contract';
import type { EngineState } from '../../../shared/jobs';
import type { Messages } from '../i18n';
import type { BatchesChanged } from '../../../shared/jobBatches';
import type { Clock, Notifier, UserNotification } from '../ports';
import type { JobNewsKind } from './notificationText';
import { toView } from './jobRecord';
import type { JobRepository } from './jobRepository';
import type { Ledger } from './ledger';
import { NotificationBatcher } from './notificationBatcher';
import { ProgressThrottle } from './progressThrottle';

interface EventsDeps {
  emit: EmitEvent;
  clock: Clock;
  notifier: Notifier;
  notificationsOn: () => boolean;
  /** The notifications' language (English when not given). */
  messages?: Messages;
  repo: JobRepository;
  ledger: Ledger;
  state(): EngineState;
}

/**
 * What leaves the engine for a UI: contract events (`jobs.changed`, `engine.changed`,
 * `ledger.changed`), progress at most 4 per second per job, and user notifications batched.
 * Once the engine stops, nothing more is sent.
 */
export class EngineEvents {
  private readonly notifications: NotificationBatcher;
  private readonly throttle: ProgressThrottle;
  private stopped = false;

  constructor(private readonly deps: EventsDeps) {
    this.notifications = new NotificationBatcher(
      deps.clock,
      deps.notifier,
      deps.notificationsOn,
      undefined,
      undefined,
      deps.messages,
    );
    this.throttle = new ProgressThrottle(deps.clock, (id) => this.jobs([id]));
  }

  jobs(ids: readonly string[], order = false): void {
    if (this.stopped) return;
    const { repo } = this.deps;
    const upserted = ids.flatMap((id) => {
      const record = repo.get(id);
      return record ? [toView(record)] : [];
    });
    const removed = ids.filter((id) => !repo.get(id));
    const newOrder = order ? repo.all().map((r) => r.id) : null;
    this.deps.emit('jobs.changed', { upserted, removed, order: newOrder });
  }

  /** A job changed state: whatever progress was pending is carried by that change. */
  changed(id: string, statusChanged: boolean): void {
    this.throttle.forget(id);
    this.jobs([id]);
    if (statusChanged) this.state();
  }

  progress(id: string): void {
    this.throttle.touch(id);
  }

  state(): void {
    if (!this.stopped) this.deps.emit('engine.changed', this.deps.state());
  }

  ledger(): void {
    if (!this.stopped)
      this.deps.emit('ledger.changed', this.deps.ledger.totals(this.deps.clock.now()));
  }

  notify(kind: JobNewsKind, id: string, extra: { clipId?: string; reason?: string }): void {
    const record = this.deps.repo.get(id);
    if (record)
      this.notifications.add({ kind, jobId: id, prompt: record.request.prompt, ...extra });
  }

  batches(change: BatchesChanged): void {
    if (!this.stopped) this.deps.emit('batches.changed', change);
  }

  /** A notification of its own (a batch or the queue drained), worded when it is shown. */
  summary(compose: (messages: Messages) => UserNotification): void {
    if (!this.stopped) this.notifications.addSummary(compose);
  }

  /** Sends what is still gathered, then nothing more. */
  stop(): void {
    this.notifications.flush();
    this.stopped = true;
    this.throttle.dispose();
    this.notifications.dispose();
  }
}
