import type { Job, JobsChanged } from '../../../../shared/jobs';
import { isEnded, isWaiting, jobStatuses, type JobStatus } from '../../../../shared/jobStatus';

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
}

/** What a change touched, for the listeners. */
export interface Touched {
  ids: string[];
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
  };
}

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
  if (before?.status !== job.status) {
    const counts = { ...table.counts, [job.status]: table.counts[job.status] + 1 };
    if (before) counts[before.status] -= 1;
    table.counts = counts;
    touched.counts = true;
  }
  const from = before ? sectionOf(before.status) : null;
  const to = sectionOf(job.status);
  if (from !== to) {
    if (from) leaveSection(table, from, job.id);
    enterSection(table, to, job.id);
    touched.sections = true;
  }
  if (before?.status === 'held' || job.status === 'held') {
    const others = table.held.filter((id) => id !== job.id);
    table.held = job.status === 'held' ? [...others, job.id] : others;
    touched.held = true;
  }
}

function drop(table: JobsTable, id: string, touched: Touched): void {
  const before = table.byId[id];
  if (!before) return;
  leaveSection(table, sectionOf(before.status), id);
  delete table.byId[id];
  table.position.delete(id);
  const at = table.order.indexOf(id);
  if (at >= 0) table.order.splice(at, 1);
  table.waitingCents -= waitingCost(before);
  table.counts = { ...table.counts, [before.status]: table.counts[before.status] - 1 };
  if (before.status === 'held') {
    table.held = table.held.filter((other) => other !== id);
    touched.held = true;
  }
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
    sections[sectionOf(job.status)].push(id);
  };
  order.forEach(place);
  // Jobs the order leaves out keep their place after it, as before.
  for (const id of Object.keys(table.byId)) place(id);
  table.nextPosition = table.order.length;
  table.sections = sections;
}

export function applyChanged(table: JobsTable, change: JobsChanged): Touched {
  const touched: Touched = { ids: [], sections: false, counts: false, held: false };
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
  for (const id of table.order) {
    const job = table.byId[id];
    if (!job) continue;
    counts[job.status] += 1;
    sections[sectionOf(job.status)].push(id);
    if (job.status === 'held') held.push(id);
    waitingCents += waitingCost(job);
  }
  return { counts, sections, held, waitingCents };
}
