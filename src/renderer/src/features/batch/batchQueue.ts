import { pinnedKey } from '../keys';
import { toJobDraft, type PlannedJob } from '../../../../shared/batch';
import type { ImageRef } from '../../../../shared/jobs';
import { api } from '../../api/client';
import { blobToBase64 } from '../compose';
import { useJobsStore } from '../jobs';
import type { BatchImage } from './batchImages';

export interface QueueBatchInput {
  name: string;
  stopOnFailure: boolean;
  jobs: readonly PlannedJob[];
  images: readonly BatchImage[];
  /** Images stored so far, of how many: the dialog shows it. */
  onProgress?: (done: number, count: number) => void;
}

/**
 * Queues a batch: each image the jobs use is stored by main first, once, in a message of its
 * own (a folder of stills does not travel as one message); then the jobs go as one batch,
 * naming their images by id. Nothing is queued unless all of it is (main stores the batch in
 * one transaction, and refuses it whole when it would pass the daily budget).
 */
export async function queueBatch(
  input: QueueBatchInput,
): Promise<{ batchId: string; count: number }> {
  const used = [
    ...new Set(input.jobs.flatMap((job) => (job.draft.image !== null ? [job.draft.image] : []))),
  ];
  const stored = new Map<number, ImageRef>();
  input.onProgress?.(0, used.length);
  for (const [done, index] of used.entries()) {
    const image = input.images[index];
    if (!image) throw new Error(`image ${index} is gone`);
    const ref = await api().invoke('images.store', {
      mime: image.mime,
      dataBase64: await blobToBase64(image.file),
    });
    stored.set(index, ref);
    input.onProgress?.(done + 1, used.length);
  }
  const drafts = input.jobs.map((job) =>
    toJobDraft(job.draft, job.draft.image !== null ? (stored.get(job.draft.image) ?? null) : null),
  );
  const { batchId, jobs } = await useJobsStore.getState().submitBatch({
    name: input.name,
    onFailure: input.stopOnFailure ? 'stop' : 'continue',
    jobs: drafts,
    ...pinnedKey(),
  });
  return { batchId, count: jobs.length };
}
