import type { Handlers } from '../../../shared/contract/contract';
import { UserError } from '../../../shared/contract/result';
import type { JobDraft } from '../../../shared/jobDraft';
import { isWaiting, type ImageMime, type ImageRef, type JobRequest } from '../../../shared/jobs';
import type { ClipImageRef } from '../../../shared/library';
import { estimateCostCents, validateRequest } from '../../../shared/rules';
import type { ModelCatalog } from '../models/modelCatalog';
import type { BlobStore } from '../ports';
import { promiseTry } from '../promiseTry';
import type { JobEngine } from './engine';
import { toView } from './jobRecord';
import { pinnedKey } from './keySlots';
import { createBatchHandlers, type BatchHandlers } from './batchCommands';
import { createQueueFileHandlers, type QueueFileHandlers } from './queueCommands';

type JobHandlers = BatchHandlers &
  QueueFileHandlers &
  Pick<
    Handlers,
    | 'jobs.list'
    | 'jobs.submit'
    | 'jobs.edit'
    | 'jobs.move'
    | 'jobs.cancel'
    | 'jobs.retry'
    | 'jobs.remove'
    | 'jobs.clearFinished'
    | 'jobs.history'
    | 'jobs.pause'
    | 'jobs.resume'
    | 'jobs.release'
    | 'jobs.resolve'
    | 'jobs.dismissUnclaimed'
    | 'ledger.totals'
    | 'models.list'
  >;

/** Reads an input image a library clip keeps (a remix's); throws a `UserError` saying why not. */
export type ClipImages = (ref: ClipImageRef) => Promise<{ mime: ImageMime; bytes: Uint8Array }>;

/** The queue's contract commands, on top of the engine. */
export function createJobHandlers(
  engine: JobEngine,
  blobs: BlobStore,
  catalog: ModelCatalog,
  clipImages: ClipImages,
): JobHandlers {
  const find = (id: string) => {
    const record = engine.repo.get(id);
    if (!record) throw new UserError('not-found', engine.t('queue.jobGone'));
    return record;
  };

  /** A clip's input image copied into the job's own store: the clip may be deleted later. */
  async function fromClip(ref: ClipImageRef): Promise<ImageRef> {
    try {
      const { mime, bytes } = await clipImages(ref);
      return { blobId: await blobs.put(bytes), mime };
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      throw new UserError(
        'invalid-request',
        engine.t('queue.inputImageUnusable', {
          number: ref.index + 1,
          clipId: ref.clipId,
          reason: error.message,
        }),
      );
    }
  }

  /** Checks the draft against the model's caps and stores its images; returns the request and its cost. */
  async function prepare(
    draft: JobDraft,
  ): Promise<{ request: JobRequest; costCents: number | null }> {
    const model = await catalog.find(draft.model);
    const inputImages: ImageRef[] = await Promise.all(
      draft.inputImages.map(async (image): Promise<ImageRef> => {
        if ('dataBase64' in image)
          return {
            blobId: await blobs.put(Buffer.from(image.dataBase64, 'base64')),
            mime: image.mime,
          };
        return 'clipId' in image ? fromClip(image) : image;
      }),
    );
    for (const image of inputImages) {
      if ('blobId' in image && !(await blobs.has(image.blobId)))
        throw new UserError('invalid-request', engine.t('queue.inputImageGone'));
    }
    const request: JobRequest = { ...draft, inputImages };
    if (model) {
      const problems = validateRequest(request, model);
      if (problems.length > 0)
        throw new UserError('invalid-request', problems.map((p) => p.message).join('; '));
    }
    return { request, costCents: model ? estimateCostCents(request, model) : null };
  }

  // The commands the engine answers at once still answer with a promise: what they throw
  // (a UserError, a save that failed) is its rejection.
  return {
    ...createBatchHandlers(engine, prepare),
    ...createQueueFileHandlers(engine, blobs, prepare),
    'jobs.list': () => promiseTry(() => ({ jobs: engine.jobs(), state: engine.state() })),
    'jobs.submit': async ({ request: draft, copies, keyId }) => {
      const pin = pinnedKey(engine, keyId);
      const prepared = { ...(await prepare(draft)), keyId: pin };
      return { jobs: engine.queue.add(Array.from({ length: copies }, () => prepared)) };
    },
    'jobs.edit': async ({ id, request: draft }) => {
      const before = find(id);
      if (!isWaiting(before.status)) {
        throw new UserError('conflict', engine.t('queue.onlyUnsubmittedEdited'));
      }
      const { request, costCents } = await prepare(draft);
      // The engine checks the job's state again: it may have been submitted meanwhile.
      return engine.queue.edit(id, request, costCents);
    },
    'jobs.move': ({ id, to }) => promiseTry(() => ({ moved: engine.queue.move(id, to) })),
    'jobs.cancel': ({ id, deleteOnServer }) =>
      promiseTry(() => engine.queue.cancel(id, deleteOnServer === true)),
    'jobs.retry': ({ id }) => promiseTry(() => engine.queue.retry(id)),
    'jobs.remove': ({ id }) => promiseTry(() => (engine.queue.remove(id), { removed: true })),
    'jobs.clearFinished': () => promiseTry(() => ({ cleared: engine.queue.clearFinished() })),
    'jobs.history': (query) =>
      promiseTry(() => {
        const { records, total } = engine.repo.history.search(query);
        return { jobs: records.map(toView), total };
      }),
    'jobs.resolve': ({ id, taskId }) => promiseTry(() => engine.queue.resolve(id, taskId)),
    'jobs.dismissUnclaimed': ({ taskId }) =>
      promiseTry(() => (engine.queue.dismissUnclaimed(taskId), engine.state())),
    'jobs.pause': () => promiseTry(() => (engine.setPaused(true), engine.state())),
    'jobs.resume': () => promiseTry(() => (engine.setPaused(false), engine.state())),
    'jobs.release': ({ ids }) =>
      promiseTry(() => {
        engine.queue.runPastBudget(ids);
        engine.release(ids);
        return engine.state();
      }),
    'ledger.totals': () => promiseTry(() => engine.ledger.totals(engine.clock.now())),
    'models.list': async ({ refresh }) => {
      try {
        return { models: await catalog.list(refresh) };
      } catch (error) {
        throw new UserError(
          'unavailable',
          engine.t('queue.modelsNotLoaded', { reason: (error as Error).message }),
        );
      }
    },
  };
}
