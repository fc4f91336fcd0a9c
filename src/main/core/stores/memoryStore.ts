import type { KeyValueStore } from '../ports';

/** An in-memory key-value store, for tests. */
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
