import type { TaskStatus } from '../../../shared/api/schemas';

/** One look at a task: a poll (sent, answered) or a stream event (both the same moment). */
export interface TaskLook {
  sentAt: number;
  receivedAt: number;
  status: TaskStatus;
  progress?: number;
  /** A stream event, sent as the task changed: its progress was reached moments before. */
  live?: boolean;
}

/** How late a stream event may arrive after the change it reports. */
const LIVE_SLACK_MS = 1_000;

/** When a task should end (ms since epoch); `latest` is Infinity when nothing bounds it. */
export interface FinishWindow {
  earliest: number;
  latest: number;
  /**
   * Plausible end times, ascending: the ends of a grid of equally likely (start, run) pairs
   * over every pair that fits the looks. Empty when the window is unbounded.
   */
  ends: readonly number[];
}

/** lo ≤ start + share × run ≤ hi: where the task stood (share 0–1) by then. */
interface Bound {
  share: number;
  lo: number;
  hi: number;
}

const RUN_CAP_MS = 6 * 3_600_000;
/** Points per side of the grid of plausible (start, run) pairs. */
const GRID = 40;

/**
 * When the task should end, read from what it reported, on the model that progress grows
 * evenly from the start of the run (`start + progress/100 × run`; the API's progress is an
 * integer, so ±0.5). Each look bounds that line: a progress seen by the answer, not yet seen
 * when the look before was sent (a stream event: a moment before it came); queued then, running now; not ended when the last look was
 * sent. The earliest and latest end over every line that fits them all (a two-variable linear
 * programme, solved at its corners), and the ends of the lines that fit, sampled evenly.
 * Null when no line fits (progress that does not grow
 * evenly): then the caller aims by other means.
 */
export function finishWindow(
  looks: readonly TaskLook[],
  createdAfter: number,
): FinishWindow | null {
  const bounds: Bound[] = [{ share: 0, lo: createdAfter, hi: Infinity }];
  let previous: TaskLook | null = null;
  for (const look of looks) {
    if (look.status === 'queued') bounds.push({ share: 0, lo: look.sentAt, hi: Infinity });
    if (look.status === 'running') {
      bounds.push({ share: 0, lo: -Infinity, hi: look.receivedAt });
      const p = look.progress;
      if (p !== undefined && p > 0) {
        bounds.push({ share: Math.max(0, p - 0.5) / 100, lo: -Infinity, hi: look.receivedAt });
        const before = look.live ? look.receivedAt - LIVE_SLACK_MS : -Infinity;
        const sooner =
          previous && (previous.status === 'queued' || (previous.progress ?? 0) < p)
            ? previous.sentAt
            : -Infinity;
        const lo = Math.max(before, sooner);
        if (Number.isFinite(lo))
          bounds.push({ share: Math.min(100, p + 0.5) / 100, lo, hi: Infinity });
      }
    }
    previous = look;
  }
  if (previous) bounds.push({ share: 1, lo: previous.sentAt, hi: Infinity });
  return solve(bounds, createdAfter);
}

/** Min and max of start + run over the bounds, with 1 ms ≤ run ≤ 6 h and start ≥ createdAfter. */
function solve(bounds: Bound[], createdAfter: number): FinishWindow | null {
  // Lines a·start + b·run = c: each finite side of a bound, and the box.
  const lines: [number, number, number][] = [
    [1, 0, createdAfter],
    [1, 0, createdAfter + RUN_CAP_MS],
    [0, 1, 1],
    [0, 1, RUN_CAP_MS],
  ];
  for (const b of bounds) {
    if (Number.isFinite(b.lo)) lines.push([1, b.share, b.lo]);
    if (Number.isFinite(b.hi)) lines.push([1, b.share, b.hi]);
  }
  const fits = (start: number, run: number) =>
    run >= 1 - 1e-6 &&
    run <= RUN_CAP_MS + 1e-3 &&
    start >= createdAfter - 1e-3 &&
    start <= createdAfter + RUN_CAP_MS + 1e-3 &&
    bounds.every((b) => {
      const at = start + b.share * run;
      return at >= b.lo - 1e-3 && at <= b.hi + 1e-3;
    });
  let earliest = Infinity;
  let latest = -Infinity;
  let capped = false;
  const box = { s0: Infinity, s1: -Infinity, r0: Infinity, r1: -Infinity };
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const [a1, b1, c1] = lines[i] as [number, number, number];
      const [a2, b2, c2] = lines[j] as [number, number, number];
      const det = a1 * b2 - a2 * b1;
      if (Math.abs(det) < 1e-12) continue;
      const start = (c1 * b2 - c2 * b1) / det;
      const run = (a1 * c2 - a2 * c1) / det;
      if (!fits(start, run)) continue;
      earliest = Math.min(earliest, start + run);
      latest = Math.max(latest, start + run);
      if (run >= RUN_CAP_MS - 1e-3 || start >= createdAfter + RUN_CAP_MS - 1e-3) capped = true;
      box.s0 = Math.min(box.s0, start);
      box.s1 = Math.max(box.s1, start);
      box.r0 = Math.min(box.r0, run);
      box.r1 = Math.max(box.r1, run);
    }
  }
  if (!Number.isFinite(earliest)) return null;
  if (capped) return { earliest, latest: Infinity, ends: [] };
  const ends: number[] = [];
  for (let i = 0; i < GRID; i++) {
    for (let j = 0; j < GRID; j++) {
      const start = box.s0 + ((i + 0.5) / GRID) * (box.s1 - box.s0);
      const run = box.r0 + ((j + 0.5) / GRID) * (box.r1 - box.r0);
      if (fits(start, run)) ends.push(start + run);
    }
  }
  if (ends.length === 0) ends.push((earliest + latest) / 2);
  return { earliest, latest, ends: ends.sort((a, b) => a - b) };
}

/** What earlier tasks of the same model and clip length took, create to completion. */
export interface DurationPrior {
  /** Typical, low and high create → completed durations (ms). */
  medianMs: number;
  lowMs: number;
  highMs: number;
  /** How many earlier tasks it was learnt from (0: the documented range). */
  samples: number;
}

/** The provider's documentation: "tasks usually finish within 30 seconds to 4 minutes". */
export const DOCUMENTED_PRIOR: DurationPrior = {
  medianMs: 90_000,
  lowMs: 30_000,
  highMs: 240_000,
  samples: 0,
};

/**
 * The prior from observed durations (newest last; the last 50 count): their median, and
 * the smallest and largest but one so a single outlier does not widen it. Fewer than three:
 * the documented range.
 */
export function durationPrior(durationsMs: readonly number[]): DurationPrior {
  const recent = durationsMs.filter((d) => Number.isFinite(d) && d > 0).slice(-50);
  if (recent.length < 3) return DOCUMENTED_PRIOR;
  const sorted = [...recent].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? (sorted[Math.floor(mid)] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  const trim = sorted.length >= 6 ? 1 : 0;
  return {
    medianMs: median,
    lowMs: sorted[trim] as number,
    highMs: sorted[sorted.length - 1 - trim] as number,
    samples: sorted.length,
  };
}

/** Enough of a job to learn from: what it asked for and when it was sent and done. */
export interface PastJob {
  request: { model: string; durationSeconds: number };
  everCompleted: boolean;
  submittedAt: number | null;
  finishedAt: number | null;
}

/**
 * Create → completed durations of the completed jobs with this model and clip length,
 * oldest first (by when they finished). Where the end was seen by a poll, a little late.
 */
export function learntDurations(
  history: readonly PastJob[],
  request: PastJob['request'],
): number[] {
  return history
    .filter(
      (j) =>
        j.everCompleted &&
        j.request.model === request.model &&
        j.request.durationSeconds === request.durationSeconds &&
        j.submittedAt !== null &&
        j.finishedAt !== null &&
        j.finishedAt > j.submittedAt,
    )
    .sort((a, b) => (a.finishedAt ?? 0) - (b.finishedAt ?? 0))
    .map((j) => (j.finishedAt ?? 0) - (j.submittedAt ?? 0));
}
