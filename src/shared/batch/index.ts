/**
 * The batch builder's logic, free of UI and of zod (the renderer runs it): a prompt list or
 * a folder of images becomes a priced preview of jobs before anything is queued (issue 16).
 * Problems are codes with values, worded by the renderer in the user's language.
 */
export {
  DEFAULT_ROW_LIMIT,
  parsePromptList,
  type PromptList,
  type PromptListDelimiter,
  type PromptListFormat,
  type PromptListOptions,
  type PromptListProblem,
  type PromptListWarning,
  type PromptRow,
} from './promptList';
export {
  MAX_COPIES,
  MAX_DURATION_S,
  MAX_SEED,
  columnKey,
  type ColumnKey,
  type NumberField,
  type PromptParams,
  type RowProblem,
} from './promptParams';
export {
  DEFAULT_WILDCARD_LIMIT,
  MAX_WILDCARD_DEPTH,
  expandWildcards,
  type WildcardExpansion,
  type WildcardProblem,
} from './wildcards';
export { variationSeeds, type SeedSource } from './variations';
export {
  pairImages,
  type ImageFile,
  type ImagePairing,
  type MissingImage,
  type Pair,
  type PairingMode,
  type PairingOptions,
  type PairingProblem,
  type PairingRow,
} from './imagePairing';
export { capProblems, type CapProblem } from './capProblems';
export {
  DEFAULT_JOB_LIMIT,
  MAX_PROMPT_LENGTH,
  planBatch,
  type BatchDefaults,
  type BatchInput,
  type BatchPlan,
  type JobProblem,
  type JobWarning,
  type PlanProblem,
  type PlannedJob,
} from './batchPlan';
export { toJobDraft, type PlannedRequest } from './plannedRequest';
export { budgetCheck, estimateDurationMs, type BudgetCheck } from './batchMath';
