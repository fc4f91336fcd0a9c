import { create } from 'zustand';
import { useJobsStore, type JobsData } from '../jobs';
import { emptyLearnt, learn, loadLearnt, saveLearnt, type Learnt } from './timeEstimates';

interface TimesStore {
  learnt: Learnt;
  start: () => () => void;
}

/** Learns generation times from the jobs as they finish. */
export const useTimesStore = create<TimesStore>((set, get) => ({
  learnt: emptyLearnt(),
  start() {
    set({ learnt: loadLearnt() });
    const update = ({ byId }: JobsData) => {
      const next = learn(get().learnt, Object.values(byId));
      if (next === get().learnt) return;
      saveLearnt(next);
      set({ learnt: next });
    };
    update(useJobsStore.getState());
    return useJobsStore.subscribe(update);
  },
}));

export const useLearnt = (): Learnt => useTimesStore((s) => s.learnt);
