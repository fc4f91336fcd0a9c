import { describe, expect, it } from 'vitest';
import { clipSaved, downloadProgressed } from './downloadBridge';
import { newRecord, type JobRecord } from './jobRecord';

const job = (change: Partial<JobRecord>): JobRecord => ({
  ...newRecord(
    'j1',
    { model: 'wan-2.6', prompt: 'a fox', mode: 'text', durationSeconds: 5, inputImages: [] },
    0,
    null,
  ),
  taskId: 't1',
  ...change,
});

describe('download reports as job changes', () => {
  it('the first bytes move a completed job to downloading; later ones are progress only', () => {
    expect(downloadProgressed(job({ status: 'completed' }), 50, 200)).toEqual([
      { id: 'j1', patch: { status: 'downloading', progress: 25 } },
    ]);
    expect(downloadProgressed(job({ status: 'downloading' }), 300, 200)).toEqual([
      { id: 'j1', progress: 100 },
    ]);
    expect(downloadProgressed(job({ status: 'downloading' }), 300, null)).toEqual([
      { id: 'j1', progress: 0 },
    ]);
    expect(downloadProgressed(job({ status: 'expired' }), 50, 200)).toEqual([]);
  });

  it('a saved clip ends the job and tells the user; a job no longer being saved is left alone', () => {
    expect(clipSaved(job({ status: 'downloading' }), 'c1')).toEqual([
      {
        id: 'j1',
        patch: { status: 'saved', clipId: 'c1', progress: null },
        notify: { kind: 'ready', clipId: 'c1' },
      },
    ]);
    expect(clipSaved(job({ status: 'expired' }), 'c1')).toEqual([]);
  });
});
