import { randomUUID } from 'node:crypto';
import type { Handlers } from '../../../shared/contract/contract';
import { UserError } from '../../../shared/contract/result';
import type { Estimate, JobDraft } from '../../../shared/engine';
import type { ImageRef, Job, JobRequest } from '../../../shared/jobs';
import { estimateCostCents, validateRequest } from '../../../shared/rules';
import type { ModelCatalog } from '../models/modelCatalog';
import type { BlobStore } from '../ports';
import type { JobEngine } from './engine';
import { fingerprint, newRecord, toView } from './jobRecord';

type JobHandlers = Pick<
  Handlers,
  | 'jobs.list' | 'jobs.submit' | 'jobs.edit' | 'jobs.move' | 'jobs.cancel' | 'jobs.retry' | 'jobs.remove'
  | 'jobs.pause' | 'jobs.resume' | 'jobs.release' | 'jobs.estimate' | 'ledger.totals' | 'models.list'
>;

/** The queue's contract commands, on top of the engine. */
export function createJobHandlers(engine: JobEngine, blobs: BlobStore, catalog: ModelCatalog): JobHandlers {
  const find = (id: string) => {
    const record = engine.repo.get(id);
    if (!record) throw new UserError('not-found', 'That job no longer exists.');
    return record;
  };

  /** Checks the draft against the model's caps and stores its images; returns the request and its cost. */
  async function prepare(draft: JobDraft): Promise<{ request: JobRequest; costCents: number | null }> {
    const model = await catalog.find(draft.model);
    const inputImages: ImageRef[] = await Promise.all(
      draft.inputImages.map(async (image): Promise<ImageRef> =>
        'dataBase64' in image ? { blobId: await blobs.put(Buffer.from(image.dataBase64, 'base64')), mime: image.mime } : image,
      ),
    );
    const request: JobRequest = { ...draft, inputImages };
    if (model) {
      const problems = validateRequest(request, model);
      if (problems.length > 0) throw new UserError('invalid-request', problems.map((p) => p.message).join('; '));
    }
    return { request, costCents: model ? estimateCostCents(request, model) : null };
  }

  const queuedCents = () =>
    engine.repo.all().reduce((sum, r) => sum + (r.status === 'queued' || r.status === 'held' ? (r.costCents ?? 0) : 0), 0);

  return {
    'jobs.list': async () => ({ jobs: engine.jobs(), state: engine.state() }),
    'jobs.submit': async ({ request: draft, copies }) => {
      const { request, costCents } = await prepare(draft);
      const records = Array.from({ length: copies }, () => ({
        ...newRecord(`job_${randomUUID()}`, request, engine.clock.now(), null),
        costCents,
      }));
      engine.repo.add(...records);
      const jobs: Job[] = records.map(toView);
      engine.emitJobs(jobs.map((j) => j.id), true);
      engine.pump();
      return { jobs };
    },
    'jobs.edit': async ({ id, request: draft }) => {
      const record = find(id);
      if (record.status !== 'queued' && record.status !== 'held') {
        throw new UserError('conflict', 'Only a job that has not been submitted can be edited.');
      }
      const { request, costCents } = await prepare(draft);
      const updated = engine.change(id, { request, costCents, fingerprint: fingerprint(request), status: 'queued', holdReason: null, error: null });
      engine.pump();
      return toView(updated);
    },
    'jobs.move': async ({ id, to }) => {
      find(id);
      if (!engine.repo.move(id, to)) return { moved: false };
      engine.emitJobs([], true);
      return { moved: true };
    },
    'jobs.cancel': async ({ id }) => {
      const record = find(id);
      if (record.status !== 'queued' && record.status !== 'held') {
        throw new UserError('conflict', 'This job was already submitted; it cannot be cancelled (the cost is debited up front).');
      }
      return toView(engine.change(id, { status: 'cancelled', finishedAt: engine.clock.now() }));
    },
    'jobs.retry': async ({ id }) => {
      const record = find(id);
      if (record.status !== 'failed' && record.status !== 'expired' && record.status !== 'cancelled') {
        throw new UserError('conflict', 'Only a failed, expired or cancelled job can be retried.');
      }
      const retry = { ...newRecord(`job_${randomUUID()}`, record.request, engine.clock.now(), record.id), costCents: record.costCents };
      engine.repo.add(retry);
      engine.emitJobs([retry.id], true);
      engine.pump();
      return toView(retry);
    },
    'jobs.remove': async ({ id }) => {
      const record = find(id);
      if (['submitting', 'remote-queued', 'running', 'completed', 'downloading'].includes(record.status)) {
        throw new UserError('conflict', 'This job is paid for and not yet saved; it can be removed once it ends.');
      }
      engine.repo.remove(id);
      engine.emitJobs([id], true);
      return { removed: true };
    },
    'jobs.pause': async () => (engine.setPaused(true), engine.state()),
    'jobs.resume': async () => (engine.setPaused(false), engine.state()),
    'jobs.release': async ({ ids }) => (engine.release(ids), engine.state()),
    'jobs.estimate': async ({ request }): Promise<Estimate> => {
      const model = await catalog.find(request.model);
      const problems = model ? validateRequest({ ...request, inputImages: request.inputImages as ImageRef[] }, model) : [];
      return {
        costCents: model ? estimateCostCents(request, model) : null,
        problems: model ? problems : [{ field: 'model', message: `Unknown model ${request.model}` }],
        queuedCents: queuedCents(),
      };
    },
    'ledger.totals': async () => engine.ledger.totals(engine.clock.now()),
    'models.list': async ({ refresh }) => {
      try {
        return { models: await catalog.list(refresh) };
      } catch (error) {
        throw new UserError('unavailable', `Could not load the models: ${(error as Error).message}`);
      }
    },
  };
}
