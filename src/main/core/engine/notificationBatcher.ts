import { english, type Messages } from '../i18n';
import type { Clock, Notifier, TimerHandle, UserNotification } from '../ports';
import { composeNotification, type NotificationItem } from './notificationText';

export type { NotificationItem } from './notificationText';

/**
 * Tells the user promptly without burying them in toasts: news arriving in a quiet moment
 * is shown at once (on the next turn of the clock, so what ends in the same moment is one
 * notification), and news arriving within the cooldown after that waits for its end and is
 * shown as one: clips finishing together after the first make one notification. A gather
 * (`gatherMs`) may hold quiet-moment news back too. Timers exist only while something waits
 * to be shown.
 */
export class NotificationBatcher {
  private pending: NotificationItem[] = [];
  /** Notifications of their own (a batch drained), worded when shown, after the clips'. */
  private summaries: ((messages: Messages) => UserNotification)[] = [];
  private timer: TimerHandle | null = null;
  private coolingUntil = -Infinity;

  constructor(
    private readonly clock: Clock,
    private readonly notifier: Notifier,
    private readonly enabled: () => boolean,
    private readonly gatherMs = 0,
    private readonly cooldownMs = 2000,
    /** The texts' language, asked when a notification is shown. */
    private readonly messages: Messages = english,
  ) {}

  add(item: NotificationItem): void {
    if (!this.enabled()) return;
    this.pending.push(item);
    this.schedule();
  }

  /** One notification that needs no grouping, shown with (after) the news gathered with it. */
  addSummary(compose: (messages: Messages) => UserNotification): void {
    if (!this.enabled()) return;
    this.summaries.push(compose);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(this.gatherMs, this.coolingUntil - this.clock.now());
    this.timer = this.clock.setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = null;
    const items = this.pending;
    const summaries = this.summaries;
    this.pending = [];
    this.summaries = [];
    if (items.length + summaries.length > 0) this.coolingUntil = this.clock.now() + this.cooldownMs;
    for (const kind of ['ready', 'failed', 'expired'] as const) {
      const group = items.filter((i) => i.kind === kind);
      const first = group[0];
      if (first) this.notifier.notify(composeNotification(this.messages, kind, group, first));
    }
    for (const compose of summaries) this.notifier.notify(compose(this.messages));
  }

  dispose(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
    this.summaries = [];
  }
}
