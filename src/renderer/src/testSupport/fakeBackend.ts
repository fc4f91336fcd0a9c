import { act, cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import type { Transport } from '../../../shared/contract/client';
import type { EventPayload, Handlers } from '../../../shared/contract/contract';
import { createDispatcher } from '../../../shared/contract/dispatcher';
import type { EventName } from '../../../shared/contract/names';
import type { BatchCounts, BatchSummary } from '../../../shared/jobBatches';
import type { EngineState, Job, JobRequest } from '../../../shared/jobs';
import type { ModelInfo } from '../../../shared/rules';
import { defaultSettings, type SettingsView } from '../../../shared/settings';
import { fakeHandlers } from '../../../../test/support/fakeHandlers';
import { setTransportForTests } from '../api/client';
import { resetComposeStoreForTests } from '../features/compose/composeStore';
import { resetJobsStoreForTests } from '../features/jobs/jobsStore';
import { resetLedgerStoreForTests } from '../features/ledger/ledgerStore';
import { resetLibraryStoreForTests } from '../features/library/libraryStore';
import { resetModelsStoreForTests } from '../features/models/modelsStore';
import { resetBatchesStoreForTests } from '../features/queue/batchesStore';
import { useQueueFilter } from '../features/queue/queueFilter';
import { emptyLearnt } from '../features/queue/timeEstimates';
import { useTimesStore } from '../features/queue/timesStore';
import { resetSettingsStoreForTests } from '../features/settings/settingsStore';
import { resetNavStoreForTests } from '../features/nav/navStore';
import { resetKeysStoreForTests } from '../features/keys/keysStore';
import { resetToastsStoreForTests } from '../features/toasts/toastsStore';
import { resetBatchStoreForTests } from '../features/batch/batchStore';

/**
 * A backend for component tests: the contract's own dispatcher (so requests are validated
 * as main validates them) over a few handlers, events pushed by the test, and every call
 * recorded.
 */
export interface FakeBackend {
  transport: Transport;
  calls: { name: string; request: unknown }[];
  callsOf: (name: string) => unknown[];
  emit: <E extends EventName>(name: E, payload: EventPayload<E>) => void;
}

export const wan: ModelInfo = {
  id: 'wan-2.6',
  caps: {
    aspect_ratios: ['16:9', '9:16', '1:1'],
    qualities: ['480p', '720p', '1080p'],
    min_duration_s: 5,
    max_duration_s: 10,
    modes: ['text', 'image', 'reference'],
    price_per_second_cents: 40,
  },
};
export const kling: ModelInfo = {
  id: 'kling-1',
  caps: {
    aspect_ratios: ['16:9', '4:3'],
    qualities: ['720p'],
    min_duration_s: 5,
    max_duration_s: 8,
    modes: ['text', 'image'],
    price_per_second_cents: 25,
  },
};

export const engineIdle: EngineState = {
  paused: false,
  offline: false,
  blockedBy: null,
  message: null,
  retryAt: null,
  downloadsPaused: null,
  active: 0,
  concurrency: 4,
  unclaimed: [],
};

export const demoView: SettingsView = {
  settings: { ...defaultSettings, demo: true },
  hasApiKey: false,
  keyStorage: 'none',
  secureStorageAvailable: true,
};

export function makeJob(
  id: string,
  change: Partial<Job> = {},
  request: Partial<JobRequest> = {},
): Job {
  return {
    id,
    request: {
      model: 'wan-2.6',
      prompt: `Prompt of ${id}`,
      mode: 'text',
      durationSeconds: 8,
      aspectRatio: '16:9',
      quality: '720p',
      inputImages: [],
      ...request,
    },
    status: 'queued',
    holdReason: null,
    taskId: null,
    progress: null,
    costCents: 320,
    refunded: false,
    error: null,
    check: null,
    demo: false,
    retryOf: null,
    batch: null,
    clipId: null,
    createdAt: 1_000,
    submittedAt: null,
    startedAt: null,
    finishedAt: null,
    expiresAt: null,
    updatedAt: 1_000,
    ...change,
  };
}

/** A batch as `batches.list` reports it: nothing done yet unless `counts` says so. */
export function makeBatch(
  id: string,
  change: Partial<BatchSummary> = {},
  counts: Partial<BatchCounts> = {},
): BatchSummary {
  return {
    id,
    name: `Batch ${id}`,
    onFailure: 'continue',
    createdAt: 1_000,
    size: 10,
    spentCents: 0,
    paused: false,
    stoppedBy: null,
    doneAt: null,
    ...change,
    counts: { waiting: 10, running: 0, saved: 0, failed: 0, cancelled: 0, ...counts },
  };
}

/** A test's answer to one command: the value, or a promise of it (most fakes answer at once). */
type Answer<H> = H extends (request: infer Q) => Promise<infer R>
  ? (request: Q) => R | Promise<R>
  : never;
export type FakeAnswers = { [N in keyof Handlers]?: Answer<Handlers[N]> };

/** Answers as handlers: what one throws becomes a rejection, as a real handler's would. */
function asHandlers(answers: FakeAnswers): Partial<Handlers> {
  return Object.fromEntries(
    Object.entries(answers).map(([name, answer]) => [
      name,
      (request: unknown) =>
        Promise.resolve().then(() => (answer as (r: unknown) => unknown)(request)),
    ]),
  );
}

export function createFakeBackend(overrides: FakeAnswers = {}): FakeBackend {
  const dispatch = createDispatcher(
    fakeHandlers(
      asHandlers({
        'app.info': () => ({
          name: 'Airframe',
          version: '1.2.3',
          demo: true,
          host: 'browser',
          mediaBase: '/media',
        }),
        'settings.get': () => demoView,
        'models.list': () => ({ models: [wan, kling] }),
        'jobs.list': () => ({ jobs: [], state: engineIdle }),
        'batches.list': () => ({ batches: [] }),
        'keys.list': () => ({ keys: [] }),
        'ledger.totals': () => ({
          todayCents: 0,
          monthCents: 0,
          totalCents: 0,
          refundsCents: 0,
          todayRefundsCents: 0,
          demoCents: 0,
        }),
        'library.info': () => ({
          folder: '/home/me/Videos/Airframe',
          clipCount: 0,
          warnings: [],
        }),
        'library.search': () => ({ total: 0, clips: [] }),
        ...overrides,
      }),
    ),
  );
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls: FakeBackend['calls'] = [];
  const transport: Transport = {
    async invoke(name, request) {
      calls.push({ name, request });
      return dispatch(name, request);
    },
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  return {
    transport,
    calls,
    callsOf: (name) => calls.filter((c) => c.name === name).map((c) => c.request),
    emit(name, payload) {
      act(() => listeners.get(name)?.forEach((listener) => listener(payload)));
    },
  };
}

/** Starts each test from nothing: fresh stores, no DOM, no storage; `backend` becomes the transport. */
export function connectBackend(backend: FakeBackend): void {
  setTransportForTests(backend.transport);
}

export function setupRendererTests(): void {
  beforeEach(() => {
    window.localStorage.clear();
    resetComposeStoreForTests();
    resetBatchStoreForTests();
    resetJobsStoreForTests();
    resetLedgerStoreForTests();
    resetLibraryStoreForTests();
    resetModelsStoreForTests();
    resetSettingsStoreForTests();
    resetKeysStoreForTests();
    resetNavStoreForTests();
    resetToastsStoreForTests();
    resetBatchesStoreForTests();
    useQueueFilter.setState({ filter: 'all' });
    useTimesStore.setState({ learnt: emptyLearnt() });
  });
  afterEach(() => {
    cleanup();
    setTransportForTests(undefined);
    vi.useRealTimers();
  });
}
