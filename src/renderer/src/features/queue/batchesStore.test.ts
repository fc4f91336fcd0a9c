import { describe, expect, it } from 'vitest';
import { UserError } from '../../../../shared/contract/result';
import type { BatchSummary } from '../../../../shared/jobBatches';
import {
  connectBackend,
  createFakeBackend,
  makeBatch,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { mergeBatches, useBatchesStore } from './batchesStore';

setupRendererTests();

const names = () => useBatchesStore.getState().batches.map((b) => `${b.id}:${b.counts.saved}`);

describe('the batches store', () => {
  it('keeps what an event said while the snapshot travelled', async () => {
    let answer: (value: { batches: BatchSummary[] }) => void = () => undefined;
    const fake = createFakeBackend({
      'batches.list': () => new Promise((resolve) => (answer = resolve)),
    });
    connectBackend(fake);
    const stop = useBatchesStore.getState().start();
    await Promise.resolve();
    // Newer than the snapshot: b1 saved a clip, b3 left the queue.
    fake.emit('batches.changed', {
      upserted: [makeBatch('b1', {}, { saved: 1 })],
      removed: ['b3'],
    });
    answer({
      batches: [
        makeBatch('b1'),
        makeBatch('b2', { createdAt: 2_000 }),
        makeBatch('b3', { createdAt: 3_000 }),
      ],
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(names()).toEqual(['b1:1', 'b2:0']);
    // From now on the snapshot is in: events apply as they come.
    fake.emit('batches.changed', {
      upserted: [makeBatch('b2', { createdAt: 2_000 }, { saved: 4 })],
      removed: [],
    });
    expect(names()).toEqual(['b1:1', 'b2:4']);
    stop();
  });

  it('says so when the batches cannot be loaded', async () => {
    connectBackend(
      createFakeBackend({
        'batches.list': () => {
          throw new UserError('unavailable', 'Main is busy');
        },
      }),
    );
    useBatchesStore.getState().start();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(useBatchesStore.getState().error).toBe('Could not load the batches: Main is busy');
  });

  it('lists batches oldest first, whatever order changes come in', () => {
    const list = mergeBatches([], {
      upserted: [makeBatch('late', { createdAt: 9 }), makeBatch('early', { createdAt: 1 })],
      removed: [],
    });
    expect(list.map((b) => b.id)).toEqual(['early', 'late']);
  });
});
