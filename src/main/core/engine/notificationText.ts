import type { Messages } from '../i18n';
import type { NotificationKind, UserNotification } from '../ports';

/** A job's own news; a drained batch or queue is worded apart (`drainNotice.ts`). */
export type JobNewsKind = Exclude<NotificationKind, 'drained'>;

export interface NotificationItem {
  kind: JobNewsKind;
  jobId: string;
  prompt: string;
  reason?: string;
  clipId?: string;
}

/**
 * One notification for a group of news of one kind, in main's current language: the count
 * in the title, the first prompts in the body (and a failure's reason when it is one clip).
 * A reason keeps the language it was written in (see `Job.error`).
 */
export function composeNotification(
  { t }: Messages,
  kind: JobNewsKind,
  group: readonly NotificationItem[],
  first: NotificationItem,
): UserNotification {
  const quote = (prompt: string) =>
    t('notification.quoted', { prompt: prompt.length > 60 ? `${prompt.slice(0, 57)}…` : prompt });
  const list = group
    .slice(0, 3)
    .map((i) => quote(i.prompt))
    .join(', ');
  const body =
    group.length === 1
      ? [quote(first.prompt), first.reason].filter(Boolean).join(' — ')
      : group.length > 3
        ? t('notification.andMore', { list, count: group.length - 3 })
        : list;
  return {
    kind,
    title: t(`notification.${kind}`, { count: group.length }),
    body,
    jobId: first.jobId,
    ...(first.clipId ? { clipId: first.clipId } : {}),
  };
}
