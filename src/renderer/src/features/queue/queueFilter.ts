import { create } from 'zustand';
import type { QueueFilter } from './jobView';

/** The queue's state filter; a store so that showing a hidden job can widen it. */
export const useQueueFilter = create<{
  filter: QueueFilter;
  setFilter: (filter: QueueFilter) => void;
}>((set) => ({
  filter: 'all',
  setFilter: (filter) => set({ filter }),
}));
