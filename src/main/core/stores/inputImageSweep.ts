import type { JobRequest } from '../../../shared/jobs';
import type { BlobStore } from '../ports';

const BLOB_ID = /[a-f0-9]{64}/g;

export interface KeptImages {
  /** Every job the repository holds, of every status: retry and edit reuse ended jobs' images. */
  records: readonly { request: Pick<JobRequest, 'inputImages'> }[];
  /** Rows that no longer read as jobs (`set_aside`): any id they mention is kept. */
  setAside?: readonly string[];
}

/** The stored ids no job refers to: what a start-up sweep may delete. */
export function unreferencedBlobs(stored: readonly string[], kept: KeptImages): string[] {
  const referenced = new Set<string>();
  for (const record of kept.records) {
    for (const image of record.request.inputImages) {
      if ('blobId' in image) referenced.add(image.blobId);
    }
  }
  // A row set aside cannot be parsed, only searched: it may be a paid job someone restores.
  for (const raw of kept.setAside ?? []) {
    for (const match of raw.toLowerCase().matchAll(BLOB_ID)) referenced.add(match[0]);
  }
  return stored.filter((id) => !referenced.has(id));
}

/**
 * Deletes the input images no job refers to. Only safe before commands are served: a
 * submit stores its image and then queues the job, and a sweep between the two would take
 * the image from under it. A failure keeps the images (another start tries again).
 */
export async function sweepInputImages(
  blobs: BlobStore,
  kept: KeptImages,
  log?: (message: string, error?: unknown) => void,
): Promise<number> {
  let stored: string[];
  try {
    stored = await blobs.list();
  } catch (error) {
    log?.('Could not list the stored input images; none were removed', error);
    return 0;
  }
  let removed = 0;
  for (const id of unreferencedBlobs(stored, kept)) {
    try {
      await blobs.delete(id);
      removed++;
    } catch (error) {
      log?.(`Could not remove the unused input image ${id}`, error);
    }
  }
  return removed;
}
