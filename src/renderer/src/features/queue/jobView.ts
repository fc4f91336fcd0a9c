import type { HoldReason, Job, JobStatus } from '../../../../shared/jobs';
import { isEnded, isFailure, isPaidNotSaved, isWaiting } from '../../../../shared/jobStatus';
import { i18n } from '../../i18n';
import { formatNumber } from '../common/format';

/** How the queue shows a job: its state in words, its progress and what can be done with it. */

/** The catalog's names for the hold reasons and statuses (keys are camelCase). */
const holdKey = {
  'no-key': 'noKey',
  'key-rejected': 'keyRejected',
  balance: 'balance',
  budget: 'budget',
} as const satisfies Record<HoldReason, string>;

const statusKey = {
  queued: 'queued',
  held: 'held',
  submitting: 'submitting',
  'remote-queued': 'remoteQueued',
  running: 'running',
  completed: 'completed',
  downloading: 'downloading',
  saved: 'saved',
  failed: 'failed',
  expired: 'expired',
  cancelled: 'cancelled',
} as const satisfies Record<JobStatus, string>;

/** "the balance is too low": why a job is held, to go inside a sentence. */
export function holdReasonText(reason: HoldReason): string {
  return i18n.t(`queue:holdReason.${holdKey[reason]}`);
}

export function statusLabel(job: Job): string {
  if (job.status === 'held' && job.holdReason)
    return i18n.t(`queue:heldFor.${holdKey[job.holdReason]}`);
  return i18n.t(`queue:status.${statusKey[job.status]}`);
}

export interface ProgressView {
  phase: 'generation' | 'download' | 'done' | 'none';
  /** 0–100, or null while the server has said nothing yet. */
  value: number | null;
  label: string;
}

export function progressOf(job: Job): ProgressView {
  const percent = Math.round(job.progress ?? 0);
  switch (job.status) {
    case 'submitting':
      return { phase: 'generation', value: null, label: i18n.t('queue:progress.submitting') };
    case 'remote-queued':
      return { phase: 'generation', value: null, label: i18n.t('queue:progress.remoteQueued') };
    case 'running':
      return {
        phase: 'generation',
        value: percent,
        label: i18n.t('queue:progress.running', { percent }),
      };
    case 'completed':
      return { phase: 'download', value: 0, label: i18n.t('queue:progress.completed') };
    case 'downloading':
      return {
        phase: 'download',
        value: percent,
        label: i18n.t('queue:progress.downloading', { percent }),
      };
    case 'saved':
      return { phase: 'done', value: 100, label: i18n.t('queue:progress.saved') };
    default:
      return { phase: 'none', value: null, label: '' };
  }
}

export type JobAction =
  | 'cancel'
  | 'cancelOnServer'
  | 'edit'
  | 'up'
  | 'down'
  | 'top'
  | 'release'
  | 'retry'
  | 'remove'
  | 'show';

export function actionsFor(job: Job): JobAction[] {
  switch (job.status) {
    case 'queued':
      return ['edit', 'top', 'up', 'down', 'cancel'];
    case 'held':
      return ['release', 'edit', 'top', 'up', 'down', 'cancel'];
    // Its task is deleted on the server, unrefunded: the row asks first.
    case 'remote-queued':
    case 'running':
      return ['cancelOnServer'];
    case 'saved':
      return job.clipId ? ['show', 'remove'] : ['remove'];
    case 'failed':
    case 'expired':
    case 'cancelled':
      return ['retry', 'remove'];
    default:
      return [];
  }
}

/** The state filters; their names are `queue:filters.<key>`, their empty lists `queue:noneIn.<key>`. */
export const filters = {
  all: () => true,
  waiting: isWaiting,
  active: isPaidNotSaved,
  saved: (status) => status === 'saved',
  problems: isFailure,
  cancelled: (status) => status === 'cancelled',
} as const satisfies Record<string, (status: JobStatus) => boolean>;

export type QueueFilter = keyof typeof filters;

export function matchesFilter(job: Job, filter: QueueFilter): boolean {
  return filters[filter](job.status);
}

/** Ended before it was ever sent (cancelled while waiting, say): nothing was or will be debited. */
export const neverCharged = (job: Job): boolean =>
  isEnded(job.status) && job.submittedAt === null && job.taskId === null;

/** The failure in words, with what happened to the money. */
export function errorLine(job: Job): string | null {
  if (!job.error) return null;
  const money = !isFailure(job.status)
    ? null
    : job.refunded
      ? 'refunded'
      : job.taskId
        ? 'notRefunded'
        : null;
  if (money === null) return job.error.message;
  // Servers' messages often end without a full stop; the sentence after needs one.
  const message = /[.!?]$/.test(job.error.message) ? job.error.message : `${job.error.message}.`;
  return i18n.t(`queue:error.${money}`, { message });
}

/** "wan-2.6 · 8 s · 16:9 · 720p · text mode · seed 7": the request's settings, one by one. */
export function describeRequest(job: Job): string {
  const r = job.request;
  const parts = [
    r.model,
    i18n.t('queue:request.seconds', { value: formatNumber(r.durationSeconds) }),
    r.aspectRatio,
    r.quality,
    i18n.t(`queue:request.mode.${r.mode}`),
  ];
  if (r.inputImages.length > 0)
    parts.push(i18n.t('queue:request.images', { count: r.inputImages.length }));
  if (r.seed !== undefined) parts.push(i18n.t('queue:request.seed', { seed: r.seed }));
  if (r.sound) parts.push(i18n.t('queue:request.sound'));
  return parts.filter(Boolean).join(' · ');
}
