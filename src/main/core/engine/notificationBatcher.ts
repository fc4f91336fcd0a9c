import type { Clock, NotificationKind, Notifier, TimerHandle, UserNotification } from '../ports';

export interface NotificationItem {
  kind: NotificationKind;
  jobId: string;
  prompt: string;
  reason?: string;
  clipId?: string;
}

const titles: Record<NotificationKind, (n: number) => string> = {
  ready: (n) => (n === 1 ? 'Clip ready' : `${n} clips ready`),
  failed: (n) => (n === 1 ? 'Clip failed' : `${n} clips failed`),
  expired: (n) =>
    n === 1
      ? 'Clip expired before it could be saved'
      : `${n} clips expired before they could be saved`,
};

/**
 * Tells the user promptly without burying them in toasts: news arriving in a quiet moment
 * is shown after a short gather (so clips finishing together make one notification), and
 * news arriving within the cooldown after that waits for its end and is shown as one.
 * Timers exist only while something waits to be shown.
 */
export class NotificationBatcher {
  private pending: NotificationItem[] = [];
  private timer: TimerHandle | null = null;
  private coolingUntil = -Infinity;

  constructor(
    private readonly clock: Clock,
    private readonly notifier: Notifier,
    private readonly enabled: () => boolean,
    private readonly gatherMs = 150,
    private readonly cooldownMs = 2000,
  ) {}

  add(item: NotificationItem): void {
    if (!this.enabled()) return;
    this.pending.push(item);
    if (this.timer) return;
    const wait = Math.max(this.gatherMs, this.coolingUntil - this.clock.now());
    this.timer = this.clock.setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = null;
    const items = this.pending;
    this.pending = [];
    if (items.length > 0) this.coolingUntil = this.clock.now() + this.cooldownMs;
    for (const kind of ['ready', 'failed', 'expired'] as const) {
      const group = items.filter((i) => i.kind === kind);
      const first = group[0];
      if (first) this.notifier.notify(compose(kind, group, first));
    }
  }

  dispose(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
  }
}

function compose(
  kind: NotificationKind,
  group: NotificationItem[],
  first: NotificationItem,
): UserNotification {
  const body =
    group.length === 1
      ? [quote(first.prompt), first.reason].filter(Boolean).join(' — ')
      : group
          .map((i) => quote(i.prompt))
          .slice(0, 3)
          .join(', ') + (group.length > 3 ? ` and ${group.length - 3} more` : '');
  return {
    kind,
    title: titles[kind](group.length),
    body,
    jobId: first.jobId,
    ...(first.clipId ? { clipId: first.clipId } : {}),
  };
}

function quote(prompt: string): string {
  return `“${prompt.length > 60 ? `${prompt.slice(0, 57)}…` : prompt}”`;
}
