import type { Notice } from '../../shared/notices';
import type { KeyStorage } from '../../shared/settings';

/**
 * The small ports core is written against. Electron binds them to electron-store,
 * safeStorage and friends; Node hosts and tests bind them to plain files and memory.
 */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
  /** What the store found when it opened its file (a damaged file restored, say). */
  readonly notices?: readonly Notice[];
}

/**
 * The API keys, one per key id (`keyId`, the first key's when not given: it stays where the
 * single key of earlier versions was stored, so that key is the first key without moving).
 */
export interface SecretStore {
  /** The stored API key, or null. Only main ever reads it. */
  getApiKey(keyId?: string): Promise<string | null>;
  /** `sessionOnly` keeps the key in memory until the app quits. */
  setApiKey(key: string | null, options?: { sessionOnly?: boolean; keyId?: string }): Promise<void>;
  describe(): { keyStorage: KeyStorage; secureStorageAvailable: boolean };
}

/**
 * Content-addressed bytes main keeps on disk (input images): the id is the SHA-256 of the
 * content, so the same image queued twice is stored once.
 */
export interface BlobStore {
  put(bytes: Uint8Array): Promise<string>;
  get(blobId: string): Promise<Uint8Array>;
  has(blobId: string): Promise<boolean>;
  delete(blobId: string): Promise<void>;
  /** The ids of every complete blob stored; files still being written are not blobs yet. */
  list(): Promise<string[]>;
}

/** Time, injected: `systemClock` in the app, a manual clock in tests. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}
export type TimerHandle = { readonly id: number } | NodeJS.Timeout;

/** `drained`: a batch or the whole queue ran out of work. */
export type NotificationKind = 'ready' | 'failed' | 'expired' | 'drained';

export interface UserNotification {
  kind: NotificationKind;
  title: string;
  body: string;
  /** The job to focus when the notification is clicked. */
  jobId: string;
  /** A local poster image when one exists (library clip id). */
  clipId?: string;
  /** The batch a `drained` notification is about. */
  batchId?: string;
}

export interface Notifier {
  notify(notification: UserNotification): void;
}
