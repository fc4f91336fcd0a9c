import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { JobDraft } from '../../../../shared/jobDraft';
import type { EngineState, Job } from '../../../../shared/jobs';
import { api } from '../../api/client';
import { i18n } from '../../i18n';
import { failureText } from '../common/errors';
import { applyChanged, applySnapshot, emptyJobs, queuedCents, type JobsData } from './jobsState';

interface JobsStore extends JobsData {
  engine: EngineState | null;
  loaded: boolean;
  error: string | null;
  start: () => () => void;
  submit: (request: JobDraft, copies: number) => Promise<Job[]>;
  edit: (id: string, request: JobDraft) => Promise<Job>;
  move: (id: string, to: 'up' | 'down' | 'top') => Promise<boolean>;
  cancel: (id: string) => Promise<void>;
  retry: (id: string) => Promise<Job>;
  remove: (id: string) => Promise<void>;
  pause: () => Promise<void>;
  resume: () => Promise<void>;
  release: (ids?: string[]) => Promise<void>;
  /** This candidate is the job's task; null: the server made none, send it again. */
  resolve: (id: string, taskId: string | null) => Promise<void>;
  dismissUnclaimed: (taskId: string) => Promise<void>;
}

const initial = { ...emptyJobs, engine: null, loaded: false, error: null };

/** The queue (`jobs.list`, `jobs.changed`) and the engine's state (`engine.changed`). */
export const useJobsStore = create<JobsStore>((set) => ({
  ...initial,
  start() {
    // Subscribe first: whatever changes while the snapshot travels is not lost.
    const offJobs = api().on('jobs.changed', (change) => set((s) => applyChanged(s, change)));
    const offEngine = api().on('engine.changed', (engine) => set({ engine }));
    api()
      .invoke('jobs.list', {})
      .then(({ jobs, state }) =>
        set((s) => ({
          ...applySnapshot(s, jobs),
          engine: s.engine ?? state,
          loaded: true,
          error: null,
        })),
      )
      .catch((error: unknown) =>
        set({ error: failureText(i18n.t('queue:screen.loadFailed'), error), loaded: true }),
      );
    return () => {
      offJobs();
      offEngine();
    };
  },
  async submit(request, copies) {
    const { jobs } = await api().invoke('jobs.submit', { request, copies });
    set((s) => applyChanged(s, { upserted: jobs, removed: [], order: null }));
    return jobs;
  },
  async edit(id, request) {
    const job = await api().invoke('jobs.edit', { id, request });
    set((s) => applyChanged(s, { upserted: [job], removed: [], order: null }));
    return job;
  },
  async move(id, to) {
    return (await api().invoke('jobs.move', { id, to })).moved;
  },
  async cancel(id) {
    const job = await api().invoke('jobs.cancel', { id });
    set((s) => applyChanged(s, { upserted: [job], removed: [], order: null }));
  },
  async retry(id) {
    const job = await api().invoke('jobs.retry', { id });
    set((s) => applyChanged(s, { upserted: [job], removed: [], order: null }));
    return job;
  },
  async remove(id) {
    const { removed } = await api().invoke('jobs.remove', { id });
    if (removed) set((s) => applyChanged(s, { upserted: [], removed: [id], order: null }));
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
    const job = await api().invoke('jobs.resolve', { id, taskId });
    set((s) => applyChanged(s, { upserted: [job], removed: [], order: null }));
  },
  async dismissUnclaimed(taskId) {
    set({ engine: await api().invoke('jobs.dismissUnclaimed', { taskId }) });
  },
}));

export function resetJobsStoreForTests(): void {
  useJobsStore.setState(initial);
}

export const useJob = (id: string): Job | undefined => useJobsStore((s) => s.byId[id]);
export const useEngineState = (): EngineState | null => useJobsStore((s) => s.engine);
export const useQueuedCents = (): number => useJobsStore((s) => queuedCents(s));
export const useJobsLoad = () =>
  useJobsStore(useShallow((s) => ({ loaded: s.loaded, error: s.error })));
