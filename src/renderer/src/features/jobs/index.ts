/** The queue's jobs and the engine's state, as main shares them. */
export type { Section, Sections, StatusCounts } from './jobsState';
export { sectionNames, sectionOf } from './jobsState';
export type { JobsData } from './jobsStore';
export {
  jobById,
  onJobsChanged,
  rowOf,
  useEarlierAttempts,
  useEngineState,
  useJob,
  useJobsLoad,
  useJobsStore,
  useQueuedCents,
  useSections,
  useStatusCounts,
  useWorkingCount,
} from './jobsStore';
