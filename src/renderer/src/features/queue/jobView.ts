import {
  isFailure,
  isPaidNotSaved,
  isWaiting,
  type HoldReason,
  type Job,
  type JobStatus,
} from '../../../../shared/jobs';

/** How the queue shows a job: its state in words, its progress and what can be done with it. */

export const holdReasonText: Record<HoldReason, string> = {
  'no-key': 'no API key saved',
  'key-rejected': 'the API refused the key',
  balance: 'the balance is too low',
  budget: 'the daily budget is reached',
};

const statusText: Record<JobStatus, string> = {
  queued: 'Waiting',
  held: 'Held',
  submitting: 'Submitting',
  'remote-queued': 'Queued on the server',
  running: 'Generating',
  completed: 'Generated',
  downloading: 'Downloading',
  saved: 'Saved',
  failed: 'Failed',
  expired: 'Expired',
  cancelled: 'Cancelled',
};

export function statusLabel(job: Job): string {
  if (job.status === 'held' && job.holdReason) return `Held: ${holdReasonText[job.holdReason]}`;
  return statusText[job.status];
}

export interface ProgressView {
  phase: 'generation' | 'download' | 'done' | 'none';
  /** 0–100, or null while the server has said nothing yet. */
  value: number | null;
  label: string;
}

export function progressOf(job: Job): ProgressView {
  const pct = (v: number | null) => (v === null ? null : Math.round(v));
  switch (job.status) {
    case 'submitting':
      return { phase: 'generation', value: null, label: 'Submitting' };
    case 'remote-queued':
      return { phase: 'generation', value: null, label: 'Waiting for the server to start' };
    case 'running':
      return {
        phase: 'generation',
        value: pct(job.progress ?? 0),
        label: `Generating ${pct(job.progress ?? 0)}%`,
      };
    case 'completed':
      return { phase: 'download', value: 0, label: 'Download starting' };
    case 'downloading':
      return {
        phase: 'download',
        value: pct(job.progress ?? 0),
        label: `Downloading ${pct(job.progress ?? 0)}%`,
      };
    case 'saved':
      return { phase: 'done', value: 100, label: 'Saved in the library' };
    default:
      return { phase: 'none', value: null, label: '' };
  }
}

export type JobAction =
  'cancel' | 'edit' | 'up' | 'down' | 'top' | 'release' | 'retry' | 'remove' | 'show';

export function actionsFor(job: Job): JobAction[] {
  switch (job.status) {
    case 'queued':
      return ['edit', 'top', 'up', 'down', 'cancel'];
    case 'held':
      return ['release', 'edit', 'top', 'up', 'down', 'cancel'];
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

export const filters = {
  all: { label: 'All', matches: () => true },
  waiting: { label: 'Waiting', matches: isWaiting },
  active: { label: 'In progress', matches: isPaidNotSaved },
  saved: { label: 'Saved', matches: (status) => status === 'saved' },
  problems: { label: 'Failed or expired', matches: isFailure },
  cancelled: { label: 'Cancelled', matches: (status) => status === 'cancelled' },
} as const satisfies Record<string, { label: string; matches: (status: JobStatus) => boolean }>;

export type QueueFilter = keyof typeof filters;

export function matchesFilter(job: Job, filter: QueueFilter): boolean {
  return filters[filter].matches(job.status);
}

/** The failure in words, with what happened to the money. */
export function errorLine(job: Job): string | null {
  if (!job.error) return null;
  const money = isFailure(job.status)
    ? job.refunded
      ? ' The cost was refunded.'
      : job.taskId
        ? ' Not refunded.'
        : ''
    : '';
  // Servers' messages often end without a full stop; the sentence after needs one.
  const message =
    money && !/[.!?]$/.test(job.error.message) ? `${job.error.message}.` : job.error.message;
  return `${message}${money}`;
}

export function describeRequest(job: Job): string {
  const r = job.request;
  const parts = [r.model, `${r.durationSeconds} s`, r.aspectRatio, r.quality, `${r.mode} mode`];
  if (r.inputImages.length > 0)
    parts.push(`${r.inputImages.length} image${r.inputImages.length > 1 ? 's' : ''}`);
  if (r.seed !== undefined) parts.push(`seed ${r.seed}`);
  if (r.sound) parts.push('sound');
  return parts.filter(Boolean).join(' · ');
}
