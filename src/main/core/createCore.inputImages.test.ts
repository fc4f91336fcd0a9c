import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreHarness, type CoreHarness } from '../../../test/support/coreHarness';
import { openDatabase } from './db/openDatabase';
import { newRecord, type JobRecord } from './engine/jobRecord';
import { JobRepository } from './engine/jobRepository';
import { FileBlobStore } from './stores/fileBlobStore';

let h: CoreHarness;
beforeEach(() => (h = coreHarness()));
afterEach(async () => h.close());

const request = {
  model: 'wan-2.6',
  prompt: 'from this image',
  mode: 'image' as const,
  durationSeconds: 5,
};
const withImage = (id: string, blobId: string, change: Partial<JobRecord> = {}): JobRecord => ({
  ...newRecord(id, { ...request, inputImages: [{ blobId, mime: 'image/png' }] }, 1, null),
  ...change,
});

describe('input images at start-up', () => {
  it('keeps the images of queued, failed and saved jobs, removes the rest, and leaves files being written alone', async () => {
    const inputs = join(h.dataDir, 'inputs');
    const blobs = new FileBlobStore(inputs);
    const [queued, failed, saved, unused] = await Promise.all(
      [1, 2, 3, 4].map((n) => blobs.put(new Uint8Array([137, 80, 78, 71, n]))),
    );
    const temp = join(inputs, `${unused}.tmp-partial`);
    writeFileSync(temp, 'half an image');
    const opened = openDatabase({ file: join(h.dataDir, 'airframe.db') });
    new JobRepository(opened.db).add(
      withImage('job_queued', queued!),
      withImage('job_failed', failed!, {
        status: 'failed',
        taskId: 'vid_failed',
        error: { kind: 'server', message: 'The task failed' },
        finishedAt: 2,
      }),
      withImage('job_saved', saved!, {
        status: 'saved',
        taskId: 'vid_saved',
        clipId: 'clip_saved',
        finishedAt: 2,
      }),
    );
    await opened.db.close();

    const core = await h.start();

    expect(core.engine.jobs().map((job) => job.id)).toEqual([
      'job_queued',
      'job_failed',
      'job_saved',
    ]);
    expect((await blobs.list()).sort()).toEqual([queued, failed, saved].sort());
    expect(await blobs.has(unused!)).toBe(false);
    expect(existsSync(temp)).toBe(true);
  });

  it('removes nothing when the job database had to be restored: the file kept aside may need them', async () => {
    const blobs = new FileBlobStore(join(h.dataDir, 'inputs'));
    const first = await h.start();
    first.engine.repo.add(newRecord('job_backed_up', { ...request, inputImages: [] }, 1, null));
    await h.stop(first);
    const later = await blobs.put(new Uint8Array([137, 80, 78, 71]));
    writeFileSync(join(h.dataDir, 'airframe.db'), 'garbage '.repeat(1000));

    const core = await h.start();

    expect(core.notices).toEqual([expect.objectContaining({ level: 'warning' })]);
    expect(await blobs.has(later)).toBe(true);
  });
});
