import type { Handlers } from '../../../shared/contract/contract';
import { UserError } from '../../../shared/contract/result';
import type { JobDraft } from '../../../shared/jobDraft';
import { promiseTry } from '../promiseTry';
import type { PreparedJob } from './batchActions';
import { pinnedKey } from './keySlots';
import type { JobEngine } from './engine';

export type BatchHandlers = Pick<
  Handlers,
  | 'jobs.submitBatch'
  | 'batches.list'
  | 'batches.pause'
  | 'batches.resume'
  | 'batches.cancel'
  | 'batches.retryFailed'
  | 'batches.move'
>;

/** The batch commands, on top of the engine; `prepare` checks a draft as `jobs.submit` does. */
export function createBatchHandlers(
  engine: JobEngine,
  prepare: (draft: JobDraft) => Promise<PreparedJob>,
): BatchHandlers {
  const { batches } = engine.queue;
  return {
    'jobs.submitBatch': async ({ name, onFailure, jobs: drafts, keyId: pin }) => {
      const keyId = pinnedKey(engine, pin);
      const prepared: PreparedJob[] = [];
      // One at a time: 10,000 drafts' images are not all read and stored at once.
      for (const [index, draft] of drafts.entries()) {
        try {
          prepared.push({ ...(await prepare(draft)), keyId });
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          const reason = error.message;
          throw new UserError(
            error.code,
            engine.t('queue.batchJobInvalid', { number: index + 1, reason }),
          );
        }
      }
      return batches.submit(name, onFailure, prepared);
    },
    'batches.list': () => promiseTry(() => ({ batches: engine.batches.list() })),
    'batches.pause': ({ batchId }) => promiseTry(() => batches.pause(batchId)),
    'batches.resume': ({ batchId }) => promiseTry(() => batches.resume(batchId)),
    'batches.cancel': ({ batchId }) => promiseTry(() => batches.cancel(batchId)),
    'batches.retryFailed': ({ batchId }) => promiseTry(() => batches.retryFailed(batchId)),
    'batches.move': ({ batchId, to }) => promiseTry(() => ({ moved: batches.move(batchId, to) })),
  };
}
