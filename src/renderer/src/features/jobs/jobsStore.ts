import { useCallback, useSyncExternalStore } from 'react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { JobDraft } from '../../../../shared/jobDraft';
import type { EngineState, Job, JobsChanged } from '../../../../shared/jobs';
import { api } from '../../api/client';
import { i18n } from '../../i18n';
import { failureText } from '../common/errors';
import { chainHead, earlierAttempts } from './jobChains';
import {
  applyChanged,
  applySnapshot,
  emptyTable,
  type JobsTable,
  type Sections,
  type StatusCounts,
  type Touched,
} from './jobsState';

/**
 * What components select. `byId` and `order` are the table's own (updated in place, so a
 * selector must not rely on their identity); `sections`, `counts` and `held` are replaced
 * when they change, and `version` moves on every change.
 */
export interface JobsData {
  byId: Readonly<Record<string, Job>>;
  order: readonly string[];
  sections: Sections;
  counts: StatusCounts;
  waitingCents: number;
  held: readonly string[];
  version: number;
}

interface JobsStore extends JobsData {
  engine: EngineState | null;
  loaded: boolean;
  error: string | null;
  start: () => () => void;
  /** `keyId`: the key the jobs are pinned to (issue 18); none: any key. */
  submit: (request: JobDraft, copies: number, keyId?: string) => Promise<Job[]>;
  submitBatch: (batch: {
    name: string;
    onFailure: 'continue' | 'stop';
    jobs: JobDraft[];
    keyId?: string;
  }) => Promise<{ batchId: string; jobs: Job[] }>;
  edit: (id: string, request: JobDraft) => Promise<Job>;
  move: (id: string, to: 'up' | 'down' | 'top') => Promise<boolean>;
  /** A job on the server is cancelled only with `deleteOnServer`: its task is deleted, unrefunded. */
  cancel: (id: string, options?: { deleteOnServer?: true }) => Promise<void>;
  retry: (id: string) => Promise<Job>;
  /** Removes the job's row: the job and its earlier attempts (ended, all of them). */
  remove: (id: string) => Promise<void>;
  pause: () => Promise<void>;
  resume: () => Promise<void>;
  release: (ids?: string[]) => Promise<void>;
  /** This candidate is the job's task; null: the server made none, send it again. */
  resolve: (id: string, taskId: string | null) => Promise<void>;
  dismissUnclaimed: (taskId: string) => Promise<void>;
  /** Moves every ended job to the history; how many went. */
  clearFinished: () => Promise<number>;
  /** A page of the history: cleared jobs whose prompt contains `query`, latest first. */
  history: (
    query: string,
    offset: number,
    limit: number,
  ) => Promise<{ jobs: Job[]; total: number }>;
  /** Jobs cleared since start: a history on screen reloads when it moves. */
  clearedCount: number;
}

let table: JobsTable = emptyTable();
/** Each row listens to its own job: a change wakes the rows it touched and no other. */
const jobListeners = new Map<string, Set<() => void>>();
/** Each row's earlier attempts, kept while the row listens and until its chain changes. */
const attemptsOf = new Map<string, readonly Job[]>();
const noAttempts: readonly Job[] = [];
/** Whoever wants every changed job (the learnt generation times). */
const changeListeners = new Set<(jobs: readonly Job[]) => void>();

function view(): JobsData {
  return {
    byId: table.byId,
    order: table.order,
    sections: table.sections,
    counts: table.counts,
    waitingCents: table.waitingCents,
    held: table.held,
    version: 0,
  };
}

const initial = () => ({ ...view(), engine: null, loaded: false, error: null, clearedCount: 0 });

/** Publishes what a change touched: the store's summary fields, then the touched rows. */
function publish(touched: Touched, extra: Partial<JobsStore> = {}): void {
  const nothing =
    touched.ids.length === 0 && touched.chains.length === 0 && !touched.sections && !touched.counts;
  if (nothing && Object.keys(extra).length === 0) return;
  const patch: Partial<JobsStore> = { ...extra, version: useJobsStore.getState().version + 1 };
  if (touched.sections) patch.sections = table.sections;
  if (touched.counts) patch.counts = table.counts;
  if (touched.held) patch.held = table.held;
  patch.waitingCents = table.waitingCents;
  patch.order = table.order;
  useJobsStore.setState(patch);
  const jobs: Job[] = [];
  for (const id of touched.ids) {
    const job = table.byId[id];
    if (job) jobs.push(job);
  }
  for (const id of [...touched.ids, ...touched.chains]) {
    attemptsOf.delete(id);
    jobListeners.get(id)?.forEach((listener) => listener());
  }
  if (jobs.length > 0) changeListeners.forEach((listener) => listener(jobs));
}

const changed = (change: JobsChanged) => publish(applyChanged(table, change));
const upserted = (jobs: Job[]) => changed({ upserted: jobs, removed: [], order: null });

/** The queue (`jobs.list`, `jobs.changed`) and the engine's state (`engine.changed`). */
export const useJobsStore = create<JobsStore>((set) => ({
  ...initial(),
  start() {
    // Subscribe first: whatever changes while the snapshot travels is not lost.
    const offJobs = api().on('jobs.changed', changed);
    const offEngine = api().on('engine.changed', (engine) => set({ engine }));
    api()
      .invoke('jobs.list', {})
      .then(({ jobs, state }) =>
        publish(applySnapshot(table, jobs), {
          engine: useJobsStore.getState().engine ?? state,
          loaded: true,
          error: null,
        }),
      )
      .catch((error: unknown) =>
        set({ error: failureText(i18n.t('queue:screen.loadFailed'), error), loaded: true }),
      );
    return () => {
      offJobs();
      offEngine();
    };
  },
  async submit(request, copies, keyId) {
    const pin = keyId === undefined ? {} : { keyId };
    const { jobs } = await api().invoke('jobs.submit', { request, copies, ...pin });
    upserted(jobs);
    return jobs;
  },
  async submitBatch(batch) {
    const answer = await api().invoke('jobs.submitBatch', batch);
    upserted(answer.jobs);
    return answer;
  },
  async edit(id, request) {
    const job = await api().invoke('jobs.edit', { id, request });
    upserted([job]);
    return job;
  },
  async move(id, to) {
    return (await api().invoke('jobs.move', { id, to })).moved;
  },
  async cancel(id, options) {
    const request = options?.deleteOnServer ? { id, deleteOnServer: true as const } : { id };
    upserted([await api().invoke('jobs.cancel', request)]);
  },
  async retry(id) {
    const job = await api().invoke('jobs.retry', { id });
    upserted([job]);
    return job;
  },
  async remove(id) {
    // The earlier attempts first: the row stays one row until its last job goes.
    for (const job of [...earlierAttempts(table, id).reverse(), { id }]) {
      const { removed } = await api().invoke('jobs.remove', { id: job.id });
      if (removed) changed({ upserted: [], removed: [job.id], order: null });
    }
  },
  async pause() {
    set({ engine: await api().invoke('jobs.pause', {}) });
  },
  async resume() {
    set({ engine: await api().invoke('jobs.resume', {}) });
  },
  async release(ids) {
    set({ engine: await api().invoke('jobs.release', ids ? { ids } : {}) });
  },
  async resolve(id, taskId) {
    upserted([await api().invoke('jobs.resolve', { id, taskId })]);
  },
  async dismissUnclaimed(taskId) {
    set({ engine: await api().invoke('jobs.dismissUnclaimed', { taskId }) });
  },
  async clearFinished() {
    // The cleared jobs leave the table through `jobs.changed` (removed), as for every window.
    const { cleared } = await api().invoke('jobs.clearFinished', {});
    set((s) => ({ clearedCount: s.clearedCount + cleared }));
    return cleared;
  },
  history(query, offset, limit) {
    return api().invoke('jobs.history', { query: query.trim(), offset, limit });
  },
}));

export function resetJobsStoreForTests(): void {
  table = emptyTable();
  attemptsOf.clear();
  useJobsStore.setState(initial());
}

/** The job, read without waking on other jobs' changes. */
export const jobById = (id: string): Job | undefined => table.byId[id];

/** The row that shows the job: its own, or its chain's newest attempt's (it was retried). */
export const rowOf = (id: string): string => chainHead(table, id);

/** Calls `listener` with the jobs of each change (not the snapshot's untouched ones). */
export function onJobsChanged(listener: (jobs: readonly Job[]) => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

function subscribeJob(id: string, listener: () => void): () => void {
  let listeners = jobListeners.get(id);
  if (!listeners) jobListeners.set(id, (listeners = new Set()));
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size > 0) return;
    jobListeners.delete(id);
    attemptsOf.delete(id);
  };
}

/** One job; the component re-renders when this job changes, not when another does. */
export function useJob(id: string): Job | undefined {
  const subscribe = useCallback((listener: () => void) => subscribeJob(id, listener), [id]);
  return useSyncExternalStore(subscribe, () => table.byId[id]);
}

/** The attempts before this job that its row lists, newest first (none for most jobs). */
export function useEarlierAttempts(id: string): readonly Job[] {
  const subscribe = useCallback((listener: () => void) => subscribeJob(id, listener), [id]);
  return useSyncExternalStore(subscribe, () => {
    let attempts = attemptsOf.get(id);
    if (!attempts) {
      const found = earlierAttempts(table, id);
      attempts = found.length > 0 ? found : noAttempts;
      attemptsOf.set(id, attempts);
    }
    return attempts;
  });
}

export const useEngineState = (): EngineState | null => useJobsStore((s) => s.engine);
export const useQueuedCents = (): number => useJobsStore((s) => s.waitingCents);
export const useSections = (): Sections => useJobsStore((s) => s.sections);
export const useStatusCounts = (): StatusCounts => useJobsStore((s) => s.counts);
/** Jobs not ended yet (waiting or under way). */
export const useWorkingCount = (): number =>
  useJobsStore((s) => s.sections.running.length + s.sections.waiting.length);
export const useJobsLoad = () =>
  useJobsStore(useShallow((s) => ({ loaded: s.loaded, error: s.error })));
