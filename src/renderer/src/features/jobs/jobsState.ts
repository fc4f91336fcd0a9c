import type { Job, JobsChanged } from '../../../../shared/jobs';
import { isEnded, isWaiting, jobStatuses, type JobStatus } from '../../../../shared/jobStatus';
import { headsOf } from './jobChains';

/** The queue's three parts, shown in this order: what is under way, what waits, what ended. */
export type Section = 'running' | 'waiting' | 'ended';
export const sectionNames: readonly Section[] = ['running', 'waiting', 'ended'];

export function sectionOf(status: JobStatus): Section {
  return isWaiting(status) ? 'waiting' : isEnded(status) ? 'ended' : 'running';
}

export type StatusCounts = Readonly<Record<JobStatus, number>>;
export type Sections = Readonly<Record<Section, readonly string[]>>;

/**
 * The queue as the renderer holds it. An event costs O(1) for what it touches: `byId` and
 * `position` are updated in place (never copied), the counts by status and the cost of what
 * waits are kept as the jobs change, and a section's id list is replaced only when a job
 * enters or leaves it (a progress update touches nothing but its job).
 *
 * A job that was retried is not a row of its own: its attempts are one chain, shown once in
 * the row of the newest attempt. Sections and counts hold the chains' newest attempts only;
 * the held jobs and the waiting cost are every job's (they are the engine's money and holds).
 */
export interface JobsTable {
  /** Jobs by id; mutated in place. */
  readonly byId: Record<string, Job>;
  /** The engine's order, stale ids of removed jobs excepted; mutated in place. */
  order: string[];
  /** Where each job stands in the engine's order: increasing, not necessarily contiguous. */
  readonly position: Map<string, number>;
  nextPosition: number;
  sections: Sections;
  counts: StatusCounts;
  /** What the waiting jobs will cost (the engine's `queuedCents`, computed locally). */
  waitingCents: number;
  /** The held jobs' ids; replaced whenever a held job changes. */
  held: readonly string[];
  /** The retries of each retried job, by its id (whether or not it is still in the table). */
  readonly retriedBy: Map<string, Set<string>>;
}

/** What a change touched, for the listeners. */
export interface Touched {
  /** The jobs that changed. */
  ids: string[];
  /** Rows whose earlier attempts changed (their own job did not). */
  chains: string[];
  sections: boolean;
  counts: boolean;
  held: boolean;
}

const zeroCounts = (): Record<JobStatus, number> =>
  Object.fromEntries(jobStatuses.map((s) => [s, 0])) as Record<JobStatus, number>;

export function emptyTable(): JobsTable {
  return {
    byId: {},
    order: [],
    position: new Map(),
    nextPosition: 0,
    sections: { running: [], waiting: [], ended: [] },
    counts: zeroCounts(),
    waitingCents: 0,
    held: [],
    retriedBy: new Map(),
  };
}

/** Whether the job is a row: no other job retries it. */
export const isShown = (table: JobsTable, id: string): boolean => !table.retriedBy.get(id)?.size;

/**
 * The snapshot may race events (Electron answers and events travel on different channels):
 * a job is only ever replaced by a copy at least as recent.
 */
function newer(current: Job | undefined, incoming: Job): boolean {
  return !current || incoming.updatedAt >= current.updatedAt;
}

const waitingCost = (job: Job | undefined): number =>
  job && isWaiting(job.status) ? (job.costCents ?? 0) : 0;

/** The first index in `ids` whose position is at least `at` (ids sorted by position). */
function lowerBound(table: JobsTable, ids: readonly string[], at: number): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((table.position.get(ids[mid] as string) ?? Infinity) < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

function leaveSection(table: JobsTable, section: Section, id: string): void {
  const ids = table.sections[section];
  const at = lowerBound(table, ids, table.position.get(id) ?? Infinity);
  if (ids[at] !== id) return;
  table.sections = { ...table.sections, [section]: ids.toSpliced(at, 1) };
}

function enterSection(table: JobsTable, section: Section, id: string): void {
  const ids = table.sections[section];
  const at = lowerBound(table, ids, table.position.get(id) ?? Infinity);
  table.sections = { ...table.sections, [section]: ids.toSpliced(at, 0, id) };
}

function count(table: JobsTable, status: JobStatus, delta: number, touched: Touched): void {
  table.counts = { ...table.counts, [status]: table.counts[status] + delta };
  touched.counts = true;
}

/** A row appears (a new job, or an attempt whose retry left) or goes (retried, or removed). */
function showRow(table: JobsTable, job: Job, touched: Touched): void {
  enterSection(table, sectionOf(job.status), job.id);
  count(table, job.status, 1, touched);
  touched.sections = true;
}
function hideRow(table: JobsTable, job: Job, touched: Touched): void {
  leaveSection(table, sectionOf(job.status), job.id);
  count(table, job.status, -1, touched);
  touched.sections = true;
}

/** `id` retries `target`: the target's row (if it had one) becomes part of `id`'s. */
function link(table: JobsTable, id: string, target: string, touched: Touched): void {
  if (id === target) return;
  let retries = table.retriedBy.get(target);
  if (!retries) table.retriedBy.set(target, (retries = new Set()));
  const wasShown = retries.size === 0;
  retries.add(id);
  const old = table.byId[target];
  if (wasShown && old) hideRow(table, old, touched);
}

/** `id` no longer retries `target` (it left): the target is a row again if nothing else retries it. */
function unlink(table: JobsTable, id: string, target: string, touched: Touched): void {
  const retries = table.retriedBy.get(target);
  if (!retries?.delete(id) || retries.size > 0) return;
  table.retriedBy.delete(target);
  const old = table.byId[target];
  if (!old) return;
  showRow(table, old, touched);
  touched.chains.push(target);
}

/** Puts one job in (or replaces it); returns what it changed. */
function put(table: JobsTable, job: Job, touched: Touched): void {
  const before = table.byId[job.id];
  if (!newer(before, job)) return;
  if (!table.position.has(job.id)) {
    table.position.set(job.id, table.nextPosition++);
    table.order.push(job.id);
  }
  table.byId[job.id] = job;
  touched.ids.push(job.id);
  table.waitingCents += waitingCost(job) - waitingCost(before);
  if (!isShown(table, job.id)) {
    // An earlier attempt changed (its refund came, say): the rows that list it redraw.
    touched.chains.push(...headsOf(table, job.id));
  } else if (!before) {
    showRow(table, job, touched);
  } else if (before.status !== job.status) {
    count(table, before.status, -1, touched);
    count(table, job.status, 1, touched);
    const from = sectionOf(before.status);
    const to = sectionOf(job.status);
    if (from !== to) {
      leaveSection(table, from, job.id);
      enterSection(table, to, job.id);
      touched.sections = true;
    }
  }
  if (before?.status === 'held' || job.status === 'held') {
    const others = table.held.filter((id) => id !== job.id);
    table.held = job.status === 'held' ? [...others, job.id] : others;
    touched.held = true;
  }
  if (before?.retryOf !== job.retryOf) {
    if (before?.retryOf) unlink(table, job.id, before.retryOf, touched);
    if (job.retryOf) link(table, job.id, job.retryOf, touched);
  }
}

function drop(table: JobsTable, id: string, touched: Touched): void {
  const before = table.byId[id];
  if (!before) return;
  if (isShown(table, id)) hideRow(table, before, touched);
  else touched.chains.push(...headsOf(table, id));
  delete table.byId[id];
  table.position.delete(id);
  const at = table.order.indexOf(id);
  if (at >= 0) table.order.splice(at, 1);
  table.waitingCents -= waitingCost(before);
  if (before.status === 'held') {
    table.held = table.held.filter((other) => other !== id);
    touched.held = true;
  }
  if (before.retryOf) unlink(table, id, before.retryOf, touched);
  touched.ids.push(id);
  touched.sections = true;
  touched.counts = true;
}

/** A new engine order: positions and sections are rebuilt (the event carries all ids anyway). */
function reorder(table: JobsTable, order: readonly string[]): void {
  table.position.clear();
  table.order = [];
  const sections: Record<Section, string[]> = { running: [], waiting: [], ended: [] };
  const place = (id: string) => {
    const job = table.byId[id];
    if (!job || table.position.has(id)) return;
    table.position.set(id, table.order.length);
    table.order.push(id);
    if (isShown(table, id)) sections[sectionOf(job.status)].push(id);
  };
  order.forEach(place);
  // Jobs the order leaves out keep their place after it, as before.
  for (const id of Object.keys(table.byId)) place(id);
  table.nextPosition = table.order.length;
  table.sections = sections;
}

export function applyChanged(table: JobsTable, change: JobsChanged): Touched {
  const touched: Touched = { ids: [], chains: [], sections: false, counts: false, held: false };
  for (const id of change.removed) drop(table, id, touched);
  if (change.order) {
    // New jobs first, in the order's place: a reorder with appended jobs costs one rebuild.
    for (const job of change.upserted) if (newer(table.byId[job.id], job)) put(table, job, touched);
    reorder(table, change.order);
    touched.sections = true;
  } else {
    for (const job of change.upserted) put(table, job, touched);
  }
  return touched;
}

/** The snapshot's jobs replace the table's; a copy newer than the snapshot's stays. */
export function applySnapshot(table: JobsTable, jobs: readonly Job[]): Touched {
  const keep = new Set(jobs.map((j) => j.id));
  const removed = Object.keys(table.byId).filter((id) => !keep.has(id));
  return applyChanged(table, { upserted: [...jobs], removed, order: jobs.map((j) => j.id) });
}

/** The counts, sections and cost from scratch: what the incremental ones must always equal. */
export function recount(table: Pick<JobsTable, 'byId' | 'order'>) {
  const counts = zeroCounts();
  const sections: Record<Section, string[]> = { running: [], waiting: [], ended: [] };
  const held: string[] = [];
  let waitingCents = 0;
  const retried = new Set<string>();
  for (const job of Object.values(table.byId))
    if (job.retryOf !== null && job.retryOf !== job.id) retried.add(job.retryOf);
  for (const id of table.order) {
    const job = table.byId[id];
    if (!job) continue;
    if (!retried.has(id)) {
      counts[job.status] += 1;
      sections[sectionOf(job.status)].push(id);
    }
    if (job.status === 'held') held.push(id);
    waitingCents += waitingCost(job);
  }
  return { counts, sections, held, waitingCents };
}
