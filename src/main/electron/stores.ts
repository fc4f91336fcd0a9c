import Store from 'electron-store';
import { safeStorage } from 'electron';
import type { KeyValueStore, SecretStore } from '../core/ports';

/** electron-store behind the core's key-value port. */
export function createElectronStore(): KeyValueStore {
  const store = new Store<Record<string, unknown>>({ name: 'airframe' });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  };
}

/** The API key, encrypted with the OS secret store and decrypted only in main. */
export function createSafeStorageSecrets(store: KeyValueStore): SecretStore {
  const KEY = 'secrets.apiKey';
  return {
    async getApiKey() {
      const stored = store.get(KEY);
      if (typeof stored !== 'string' || !safeStorage.isEncryptionAvailable()) return null;
      return safeStorage.decryptString(Buffer.from(stored, 'base64'));
    },
    async setApiKey(key) {
      if (key === null) return store.delete(KEY);
      store.set(KEY, safeStorage.encryptString(key).toString('base64'));
    },
  };
}
