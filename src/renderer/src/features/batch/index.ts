/** The batch builder: many prompts, images or variations priced and queued as one batch. */
export { BatchButton } from './LazyBatchBuilder';
export { resetBatchStoreForTests, useBatchStore } from './batchStore';
