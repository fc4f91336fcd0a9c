import type { Handlers } from '../../../shared/contract/contract';
import { UserError } from '../../../shared/contract/result';
import type { JobDraft } from '../../../shared/jobDraft';
import { isWaiting, JobRequest, type ImageRef } from '../../../shared/jobs';
import type { Translate } from '../i18n';
import type { BlobStore } from '../ports';
import type { NewBatch, PreparedJob } from './batchActions';
import { latestAttempts } from './batchBook';
import type { JobEngine } from './engine';
import type { JobRecord } from './jobRecord';
import {
  hasQuery,
  imageEntry,
  MAX_FILE_BYTES,
  packQueueFile,
  QUEUE_FILE_FORMAT,
  QUEUE_FILE_VERSION,
  unpackQueueFile,
  type FileRequest,
  type QueueManifest,
} from './queueFile';

export type QueueFileHandlers = Pick<Handlers, 'queue.export' | 'queue.import'>;

/**
 * A queue (its waiting jobs) or one batch (every job it has) written to a queue file, and a
 * queue file queued again: each request checked by `prepare` as `jobs.submit` checks one,
 * then all of them queued at once, or none (`queueFile.ts` describes the file).
 */
export function createQueueFileHandlers(
  engine: JobEngine,
  blobs: BlobStore,
  prepare: (draft: JobDraft) => Promise<PreparedJob>,
): QueueFileHandlers {
  const { t } = engine;
  return {
    'queue.export': async ({ batchId }) => {
      const { groups, singles, name } = batchId ? oneBatch(engine, batchId) : waiting(engine);
      const images = new Map<string, Uint8Array>();
      let leftOut = 0;
      const toFile = async (records: readonly JobRecord[]): Promise<FileRequest[]> => {
        const requests: FileRequest[] = [];
        for (const record of records) {
          const request = await fileRequest(record, blobs, images, t);
          if (request) requests.push(request);
          else leftOut += 1;
        }
        return requests;
      };
      const manifest: QueueManifest = {
        format: QUEUE_FILE_FORMAT,
        version: QUEUE_FILE_VERSION,
        exportedAt: new Date(engine.clock.now()).toISOString(),
        batches: [],
        jobs: await toFile(singles),
      };
      for (const group of groups) {
        const jobs = await toFile(group.records);
        if (jobs.length > 0)
          manifest.batches.push({ name: group.name, onFailure: group.onFailure, jobs });
      }
      if (manifest.jobs.length === 0 && manifest.batches.length === 0)
        throw new UserError('not-found', t('queueFile.nothingToExport'));
      const bytes = packQueueFile(manifest, images);
      if (bytes.length > MAX_FILE_BYTES)
        throw new UserError(
          'invalid-request',
          t('queueFile.tooLargeToExport', {
            size: Math.ceil(bytes.length / 1_000_000),
            max: MAX_FILE_BYTES / 1_000_000,
          }),
        );
      const day = manifest.exportedAt.slice(0, 10);
      return {
        fileName: `airframe-${name ? `batch-${slug(name)}` : 'queue'}-${day}.zip`,
        dataBase64: Buffer.from(bytes).toString('base64'),
        leftOut,
      };
    },
    'queue.import': async ({ dataBase64 }) => {
      const { manifest, images } = unpackQueueFile(Buffer.from(dataBase64, 'base64'), t);
      const stored = new Map<string, ImageRef>();
      for (const [file, { mime, bytes }] of images)
        stored.set(file, { blobId: await blobs.put(bytes), mime });
      const check = async (request: FileRequest, where: string): Promise<PreparedJob> => {
        const inputImages = request.inputImages.map((i) => ('file' in i ? stored.get(i.file)! : i));
        try {
          return await prepare({ ...request, inputImages });
        } catch (error) {
          if (!(error instanceof UserError)) throw error;
          throw new UserError(
            error.code,
            t('queueFile.jobInvalid', { where, reason: error.message }),
          );
        }
      };
      // One at a time, as `jobs.submitBatch` prepares its drafts.
      const batches: NewBatch[] = [];
      for (const { name, onFailure, jobs } of manifest.batches) {
        const prepared: PreparedJob[] = [];
        for (const [i, job] of jobs.entries())
          prepared.push(await check(job, t('queueFile.batchJob', { number: i + 1, name })));
        batches.push({ name, onFailure, jobs: prepared });
      }
      const singles: PreparedJob[] = [];
      for (const [i, job] of manifest.jobs.entries())
        singles.push(await check(job, t('queueFile.job', { number: i + 1 })));
      const { batchIds, jobs } = engine.queue.batches.submitAll(batches, singles);
      return { batches: batchIds.length, jobs: jobs.length };
    },
  };
}

interface Selection {
  groups: { name: string; onFailure: NewBatch['onFailure']; records: JobRecord[] }[];
  singles: JobRecord[];
  /** The batch's name, when one batch is exported. */
  name?: string;
}

/** Every job of the batch, a retried one only by its latest attempt. */
function oneBatch(engine: JobEngine, batchId: string): Selection {
  const row = engine.batches.store.get(batchId);
  const records = latestAttempts(engine.batches.jobs(batchId));
  if (!row || records.length === 0) throw new UserError('not-found', engine.t('queue.batchGone'));
  records.sort((a, b) => (a.batch?.index ?? 0) - (b.batch?.index ?? 0));
  const { name, onFailure } = row;
  return { groups: [{ name, onFailure, records }], singles: [], name };
}

/** The jobs not yet submitted, in queue order, each batch's together. */
function waiting(engine: JobEngine): Selection {
  const selection: Selection = { groups: [], singles: [] };
  const groups = new Map<string, Selection['groups'][number]>();
  for (const record of engine.repo.all()) {
    if (!isWaiting(record.status)) continue;
    const row = record.batch ? engine.batches.store.get(record.batch.id) : undefined;
    if (!row) {
      selection.singles.push(record);
      continue;
    }
    let group = groups.get(row.id);
    if (!group) {
      group = { name: row.name, onFailure: row.onFailure, records: [] };
      groups.set(row.id, group);
      selection.groups.push(group);
    }
    group.records.push(record);
  }
  return selection;
}

/**
 * The request as the file holds it, its images added to `images`; null for a job whose
 * image is a link with a query (it may be signed: it does not leave this machine).
 */
async function fileRequest(
  record: JobRecord,
  blobs: BlobStore,
  images: Map<string, Uint8Array>,
  t: Translate,
): Promise<FileRequest | null> {
  const gone = (): never => {
    throw new UserError('not-found', t('queue.inputImageGone'));
  };
  // Parsed: only the request's own fields go in, whatever else an old record carries.
  const request = JobRequest.parse(record.request);
  const inputImages: FileRequest['inputImages'] = [];
  for (const image of request.inputImages) {
    if ('url' in image) {
      if (hasQuery(image.url)) return null;
      inputImages.push({ url: image.url });
      continue;
    }
    const file = imageEntry(image.blobId, image.mime);
    if (!images.has(file)) images.set(file, await blobs.get(image.blobId).catch(gone));
    inputImages.push({ file, mime: image.mime });
  }
  return { ...request, inputImages };
}

/** A batch's name as part of a file name: letters, digits and dashes. */
function slug(name: string): string {
  const plain = name
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return plain || 'batch';
}
