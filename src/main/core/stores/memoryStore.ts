import type { KeyValueStore, SecretStore } from '../ports';

/** In-memory ports for tests and for the browser host's session-only key. */
export class MemoryStore implements KeyValueStore {
  private readonly values = new Map<string, unknown>();

  get(key: string): unknown {
    return structuredClone(this.values.get(key));
  }

  set(key: string, value: unknown): void {
    this.values.set(key, structuredClone(value));
  }

  delete(key: string): void {
    this.values.delete(key);
  }
}

export class MemorySecretStore implements SecretStore {
  private key: string | null = null;

  async getApiKey(): Promise<string | null> {
    return this.key;
  }

  async setApiKey(key: string | null): Promise<void> {
    this.key = key;
  }

  describe() {
    return { keyStorage: this.key ? ('session-only' as const) : ('none' as const), secureStorageAvailable: false };
  }
}
