/** The queue screen, and the time estimates it learns. */
export { Queue } from './Queue';
export { useLearnt, useTimesStore } from './timesStore';
export { keyOf, type Learnt } from './timeEstimates';
export { useBatchesStore } from './batchesStore';
