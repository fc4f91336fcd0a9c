import { create } from 'zustand';
import type { Job } from '../../../../shared/jobs';
import { onJobsChanged, useJobsStore } from '../jobs';
import { emptyLearnt, learn, loadLearnt, saveLearnt, type Learnt } from './timeEstimates';

interface TimesStore {
  learnt: Learnt;
  start: () => () => void;
}

/** Learns generation times from the jobs as they finish: each change looks at its own jobs. */
export const useTimesStore = create<TimesStore>((set, get) => ({
  learnt: emptyLearnt(),
  start() {
    set({ learnt: loadLearnt() });
    const update = (jobs: readonly Job[]) => {
      const next = learn(get().learnt, jobs);
      if (next === get().learnt) return;
      saveLearnt(next);
      set({ learnt: next });
    };
    update(Object.values(useJobsStore.getState().byId));
    return onJobsChanged(update);
  },
}));

export const useLearnt = (): Learnt => useTimesStore((s) => s.learnt);
