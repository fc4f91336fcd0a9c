import Store from 'electron-store';
import { safeStorage } from 'electron';
import type { KeyValueStore, SecretStore } from '../core/ports';

/** electron-store behind the core's key-value port (atomic writes of one JSON file). */
export function createElectronStore(): KeyValueStore {
  const store = new Store<Record<string, unknown>>({ name: 'airframe' });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  };
}

const KEY = 'secrets.apiKey';

/**
 * The API key, encrypted with the OS secret store and decrypted only in main. On Linux
 * without a keyring Electron falls back to `basic_text` — an obfuscation, not a secret
 * store — so the UI says so, and the user may keep the key for this session only instead.
 */
export function createSafeStorageSecrets(store: KeyValueStore): SecretStore {
  let session: string | null = null;
  const secure = () =>
    safeStorage.isEncryptionAvailable() &&
    (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
  return {
    async getApiKey() {
      if (session) return session;
      const stored = store.get(KEY);
      if (typeof stored !== 'string' || !safeStorage.isEncryptionAvailable()) return null;
      try {
        return safeStorage.decryptString(Buffer.from(stored, 'base64'));
      } catch {
        return null; // encrypted by another user or machine: as good as no key
      }
    },
    async setApiKey(key, options = {}) {
      session = options.sessionOnly ? key : null;
      if (key === null || options.sessionOnly || !safeStorage.isEncryptionAvailable()) {
        session = key;
        return store.delete(KEY);
      }
      store.set(KEY, safeStorage.encryptString(key).toString('base64'));
    },
    describe() {
      const onDisk = typeof store.get(KEY) === 'string';
      return {
        keyStorage: session ? 'session-only' : onDisk ? (secure() ? 'os-encrypted' : 'obfuscated-on-disk') : 'none',
        secureStorageAvailable: secure(),
      };
    },
  };
}
