/** The queue's jobs and the engine's state, as main shares them. */
export type { JobsData } from './jobsState';
export { useEngineState, useJob, useJobsLoad, useJobsStore, useQueuedCents } from './jobsStore';
