/** The queue screen, and the time estimates it learns. */
export { Queue } from './Queue';
export { useTimesStore } from './timesStore';
