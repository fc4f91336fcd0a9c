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
  expired: (n) => (n === 1 ? 'Clip expired before it could be saved' : `${n} clips expired before they could be saved`),
};

/**
 * Several completions within a short window become one notification per kind, so a batch
 * of finished clips does not bury the user in toasts. The timer exists only while
 * something waits to be shown.
 */
export class NotificationBatcher {
  private pending: NotificationItem[] = [];
  private timer: TimerHandle | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly notifier: Notifier,
    private readonly enabled: () => boolean,
    private readonly windowMs = 1500,
  ) {}

  add(item: NotificationItem): void {
    if (!this.enabled()) return;
    this.pending.push(item);
    this.timer ??= this.clock.setTimeout(() => this.flush(), this.windowMs);
  }

  flush(): void {
    if (this.timer) this.clock.clearTimeout(this.timer);
    this.timer = null;
    const items = this.pending;
    this.pending = [];
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

function compose(kind: NotificationKind, group: NotificationItem[], first: NotificationItem): UserNotification {
  const body =
    group.length === 1
      ? [quote(first.prompt), first.reason].filter(Boolean).join(' — ')
      : group.map((i) => quote(i.prompt)).slice(0, 3).join(', ') + (group.length > 3 ? ` and ${group.length - 3} more` : '');
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
