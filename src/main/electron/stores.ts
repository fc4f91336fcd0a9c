import Store from 'electron-store';
import { app, safeStorage } from 'electron';
import { join } from 'node:path';
import { FIRST_KEY_ID } from '../../shared/apiKeys';
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
 * Where a key's ciphertext is kept: the first key where the single key always was (so it
 * needs no moving), any other under its id. Ids are main's own UUIDs.
 */
function slotOf(keyId: string): string {
  if (keyId === FIRST_KEY_ID) return KEY;
  if (!/^[A-Za-z0-9-]{1,64}$/.test(keyId)) throw new Error('Not a key id');
  return `secrets.keys.${keyId}`;
}

/**
 * The API keys, encrypted with the OS secret store and decrypted only in main. On Linux
 * without a keyring Electron falls back to `basic_text` — an obfuscation, not a secret
 * store — so the UI says so, and the user may keep a key for this session only instead.
 */
export function createSafeStorageSecrets(store: KeyValueStore): SecretStore {
  const session = new Map<string, string>();
  const secure = () =>
    safeStorage.isEncryptionAvailable() &&
    (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
  return {
    getApiKey: (keyId = FIRST_KEY_ID) =>
      promiseTry(() => {
        const inMemory = session.get(keyId);
        if (inMemory) return inMemory;
        const stored = store.get(slotOf(keyId));
        if (typeof stored !== 'string' || !safeStorage.isEncryptionAvailable()) return null;
        try {
          return safeStorage.decryptString(Buffer.from(stored, 'base64'));
        } catch {
          return null; // encrypted by another user or machine: as good as no key
        }
      }),
    setApiKey: (key, { sessionOnly, keyId = FIRST_KEY_ID } = {}) =>
      promiseTry(() => {
        const slot = slotOf(keyId);
        session.delete(keyId);
        if (key === null || sessionOnly || !safeStorage.isEncryptionAvailable()) {
          if (key !== null) session.set(keyId, key);
          return store.delete(slot);
        }
        store.set(slot, safeStorage.encryptString(key).toString('base64'));
      }),
    describe() {
      const onDisk = typeof store.get(KEY) === 'string';
      return {
        keyStorage: session.has(FIRST_KEY_ID)
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
