import {
  durationPrior,
  finishWindow,
  learntDurations,
  type FinishWindow,
  type PastJob,
  type TaskLook,
} from './finishEstimate';

/** The provider's guidance: poll every 5–15 seconds. Never sooner, never later. */
export const MIN_POLL_MS = 5_000;
export const MAX_POLL_MS = 15_000;
/** After the aimed-at end, so the answer is the finished task, not its last progress. */
const AFTER_END_MS = 300;
/** Ends this unlikely before the longest wait are not worth a poll. */
const UNLIKELY = 0.1;
/** A poll that comes too early is worth this much waiting (ms): fewer, better-aimed polls. */
const REQUEST_COST_MS = 500;
/** The looks an estimate reads: the latest ones. */
const LOOKS_READ = 30;

export interface PollInput {
  now: number;
  /** From the task's progress (finishWindow), or null. */
  reported: FinishWindow | null;
  /** From earlier tasks of the same model and length (submittedAt + the prior's range). */
  learnt: { earliest: number; latest: number } | null;
  /** In [0, 1): spreads the polls that aim at nothing in particular. */
  random: () => number;
}

/**
 * The next poll's delay, always 5–15 s. The task should end at one of the plausible ends
 * (from its progress, kept to what earlier tasks like it took where that leaves any): while an
 * end before the longest wait is unlikely, the task is asked every 15 s, which tells its
 * progress and narrows the ends; then polls 5 s apart start where they see the plausible ends
 * soonest on average. Past every plausible end (the estimate was wrong), the wait grows with
 * how late the task is. Knowing nothing, every 10 s ±20 %.
 */
export function pollDelayMs({ now, reported, learnt, random }: PollInput): number {
  const clamp = (at: number) => Math.round(Math.min(MAX_POLL_MS, Math.max(MIN_POLL_MS, at - now)));
  const ends = plausibleEnds(reported, learnt);
  if (ends.length === 0) return clamp(now + 10_000 * (0.8 + 0.4 * random()));
  const latest = ends[ends.length - 1] as number;
  if (latest < now) return clamp(now + (now - latest) / 2);
  const soonest = now + MIN_POLL_MS;
  const longest = now + MAX_POLL_MS;
  if (share(ends, (e) => e <= longest) < UNLIKELY) return clamp(longest);
  return clamp(bestFirstPoll(ends, soonest, longest));
}

/** The reported ends within the learnt range, or all of them if none is; else the range. */
function plausibleEnds(
  reported: FinishWindow | null,
  learnt: PollInput['learnt'],
): readonly number[] {
  const ends = reported?.ends ?? [];
  if (ends.length > 0) {
    const kept = learnt ? ends.filter((e) => e >= learnt.earliest && e <= learnt.latest) : [];
    return kept.length > 0 ? kept : ends;
  }
  if (!learnt) return [];
  const from = Math.max(learnt.earliest, reported?.earliest ?? -Infinity);
  if (from > learnt.latest) return [];
  return Array.from({ length: 21 }, (_, i) => from + (i / 20) * (learnt.latest - from));
}

/**
 * The first of polls 5 s apart that sees the ends soonest on average, counting each poll
 * before the end as REQUEST_COST_MS of waiting: tried every quarter second up to the longest
 * wait, and just after each twentieth of the ends.
 */
function bestFirstPoll(ends: readonly number[], soonest: number, longest: number): number {
  const candidates = Array.from({ length: 41 }, (_, i) => soonest + (i / 40) * (longest - soonest));
  for (let q = 0; q <= 20; q++) {
    const end = ends[Math.min(ends.length - 1, Math.floor((q / 20) * ends.length))] as number;
    const at = end + AFTER_END_MS;
    if (at > soonest && at < longest) candidates.push(at);
  }
  let best = soonest;
  let bestCost = Infinity;
  for (const first of candidates) {
    let total = 0;
    for (const end of ends) {
      const k =
        end + AFTER_END_MS <= first ? 0 : Math.ceil((end + AFTER_END_MS - first) / MIN_POLL_MS);
      total += first + k * MIN_POLL_MS - end + k * REQUEST_COST_MS;
    }
    if (total < bestCost - 1e-6) [best, bestCost] = [first, total];
  }
  return best;
}

function share(ends: readonly number[], test: (end: number) => boolean): number {
  return ends.filter(test).length / ends.length;
}

/**
 * The next poll of a job's task, from what this follow saw of it (`looks`, polls and stream
 * events, oldest first) and what earlier jobs of the same model and clip length took.
 */
export function nextPollMs(
  job: PastJob,
  looks: readonly TaskLook[],
  history: readonly PastJob[],
  now: number,
  random: () => number,
): number {
  const created = job.submittedAt ?? looks[0]?.sentAt ?? now;
  const prior = durationPrior(learntDurations(history, job.request));
  return pollDelayMs({
    now,
    reported: finishWindow(looks.slice(-LOOKS_READ), created),
    learnt: { earliest: created + prior.lowMs, latest: created + prior.highMs },
    random,
  });
}
