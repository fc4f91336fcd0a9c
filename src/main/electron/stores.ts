import Store from 'electron-store';
import { app, safeStorage } from 'electron';
import { join } from 'node:path';
import type { KeyValueStore, SecretStore } from '../core/ports';
import { promiseTry } from '../core/promiseTry';
import { guardJsonFile } from '../core/stores/lastGoodCopy';

/**
 * electron-store behind the core's key-value port (atomic writes of one JSON file): the
 * settings, the encrypted key, the window's bounds. Its file is checked first, as
 * JsonFileStore's is: an unreadable one is kept aside and the last good copy restored.
 */
export function createElectronStore(dir: string = app.getPath('userData')): KeyValueStore {
  const notices = guardJsonFile(join(dir, 'airframe.json'), Date.now());
  const store = new Store<Record<string, unknown>>({ name: 'airframe', cwd: dir });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
    notices,
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
    getApiKey: () =>
      promiseTry(() => {
        if (session) return session;
        const stored = store.get(KEY);
        if (typeof stored !== 'string' || !safeStorage.isEncryptionAvailable()) return null;
        try {
          return safeStorage.decryptString(Buffer.from(stored, 'base64'));
        } catch {
          return null; // encrypted by another user or machine: as good as no key
        }
      }),
    setApiKey: (key, options = {}) =>
      promiseTry(() => {
        session = options.sessionOnly ? key : null;
        if (key === null || options.sessionOnly || !safeStorage.isEncryptionAvailable()) {
          session = key;
          return store.delete(KEY);
        }
        store.set(KEY, safeStorage.encryptString(key).toString('base64'));
      }),
    describe() {
      const onDisk = typeof store.get(KEY) === 'string';
      return {
        keyStorage: session
          ? 'session-only'
          : onDisk
            ? secure()
              ? 'os-encrypted'
              : 'obfuscated-on-disk'
            : 'none',
        secureStorageAvailable: secure(),
      };
    },
  };
}
