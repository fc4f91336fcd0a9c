/**
 * The small ports core is written against. Electron binds them to electron-store,
 * safeStorage and friends; Node hosts and tests bind them to plain files and memory.
 */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export interface SecretStore {
  /** The stored API key, or null. Only main ever reads it. */
  getApiKey(): Promise<string | null>;
  setApiKey(key: string | null): Promise<void>;
}
