import { create } from 'zustand';
import type { BatchesChanged, BatchSummary } from '../../../../shared/jobBatches';
import { api } from '../../api/client';
import { i18n } from '../../i18n';
import { failureText } from '../common/errors';

export type BatchMove = 'top' | 'up' | 'down' | 'bottom';

interface BatchesStore {
  /** Batches with a job in the queue, oldest first. */
  batches: readonly BatchSummary[];
  error: string | null;
  start: () => () => void;
  pause: (batchId: string) => Promise<void>;
  resume: (batchId: string) => Promise<void>;
  /** Cancels its waiting jobs; how many were cancelled, and how many run on (already paid). */
  cancel: (batchId: string) => Promise<{ cancelled: number; stillRunning: number }>;
  /** Retries its failed jobs; how many were sent again. */
  retryFailed: (batchId: string) => Promise<number>;
  move: (batchId: string, to: BatchMove) => Promise<boolean>;
}

const byAge = (a: BatchSummary, b: BatchSummary) =>
  a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The list with `upserted` put in (replacing those with the same id) and `removed` taken out. */
export function mergeBatches(
  list: readonly BatchSummary[],
  { upserted, removed }: BatchesChanged,
): BatchSummary[] {
  const gone = new Set([...removed, ...upserted.map((batch) => batch.id)]);
  return [...list.filter((batch) => !gone.has(batch.id)), ...upserted].sort(byAge);
}

/** Batches an event touched before the snapshot arrived: the event is the newer word on them. */
let touchedEarly: Set<string> | null = null;

const changed = (change: BatchesChanged) => {
  if (touchedEarly) {
    for (const batch of change.upserted) touchedEarly.add(batch.id);
    for (const id of change.removed) touchedEarly.add(id);
  }
  useBatchesStore.setState((s) => ({ batches: mergeBatches(s.batches, change) }));
};
const upserted = (batch: BatchSummary) => changed({ upserted: [batch], removed: [] });

/** The queue's batches (`batches.list`, `batches.changed`) and what can be done to each. */
export const useBatchesStore = create<BatchesStore>((set) => ({
  batches: [],
  error: null,
  start() {
    // Subscribe first: whatever changes while the snapshot travels is not lost.
    touchedEarly = new Set();
    const off = api().on('batches.changed', changed);
    api()
      .invoke('batches.list', {})
      .then(({ batches }) => {
        const early = touchedEarly ?? new Set<string>();
        touchedEarly = null;
        set((s) => ({
          batches: mergeBatches(s.batches, {
            upserted: batches.filter((batch) => !early.has(batch.id)),
            removed: [],
          }),
          error: null,
        }));
      })
      .catch((error: unknown) => {
        touchedEarly = null;
        set({ error: failureText(i18n.t('queue:batches.loadFailed'), error) });
      });
    return () => {
      off();
      touchedEarly = null;
    };
  },
  async pause(batchId) {
    upserted(await api().invoke('batches.pause', { batchId }));
  },
  async resume(batchId) {
    upserted(await api().invoke('batches.resume', { batchId }));
  },
  cancel(batchId) {
    return api().invoke('batches.cancel', { batchId });
  },
  async retryFailed(batchId) {
    // The new jobs and the batch's counts arrive through jobs.changed and batches.changed.
    return (await api().invoke('batches.retryFailed', { batchId })).jobs.length;
  },
  async move(batchId, to) {
    return (await api().invoke('batches.move', { batchId, to })).moved;
  },
}));

export function resetBatchesStoreForTests(): void {
  touchedEarly = null;
  useBatchesStore.setState({ batches: [], error: null });
}

export const useBatches = (): readonly BatchSummary[] => useBatchesStore((s) => s.batches);
export const useBatchesError = (): string | null => useBatchesStore((s) => s.error);
