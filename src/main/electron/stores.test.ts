import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStore } from '../core/stores/memoryStore';

const safe = { available: true, backend: 'gnome_libsecret' };
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => safe.available,
    getSelectedStorageBackend: () => safe.backend,
    encryptString: (text: string) => Buffer.from(`enc:${text}`),
    decryptString: (buffer: Buffer) => buffer.toString().replace(/^enc:/, ''),
  },
}));
vi.mock('electron-store', () => ({ default: class {} }));

const { createSafeStorageSecrets } = await import('./stores');

describe('the API key in Electron', () => {
  beforeEach(() => Object.assign(safe, { available: true, backend: 'gnome_libsecret' }));

  it('is stored encrypted, never in clear, and read back in main', async () => {
    const store = new MemoryStore();
    const secrets = createSafeStorageSecrets(store);
    await secrets.setApiKey('sk-air-secret-123');
    expect(JSON.stringify(store.get('secrets.apiKey'))).not.toContain('sk-air-secret-123');
    await expect(createSafeStorageSecrets(store).getApiKey()).resolves.toBe('sk-air-secret-123');
    expect(secrets.describe()).toEqual({ keyStorage: 'os-encrypted', secureStorageAvailable: true });
  });

  it('says so where Linux has no real secret store (basic_text)', async () => {
    if (process.platform !== 'linux') return;
    safe.backend = 'basic_text';
    const secrets = createSafeStorageSecrets(new MemoryStore());
    await secrets.setApiKey('sk-air-secret-123');
    expect(secrets.describe()).toEqual({ keyStorage: 'obfuscated-on-disk', secureStorageAvailable: false });
  });

  it('keeps a session-only key in memory: nothing on disk, gone after a restart', async () => {
    const store = new MemoryStore();
    const secrets = createSafeStorageSecrets(store);
    await secrets.setApiKey('sk-air-session-1', { sessionOnly: true });
    await expect(secrets.getApiKey()).resolves.toBe('sk-air-session-1');
    expect(store.get('secrets.apiKey')).toBeUndefined();
    expect(secrets.describe().keyStorage).toBe('session-only');
    await expect(createSafeStorageSecrets(store).getApiKey()).resolves.toBeNull();
  });

  it('removes the key', async () => {
    const store = new MemoryStore();
    const secrets = createSafeStorageSecrets(store);
    await secrets.setApiKey('sk-air-secret-123');
    await secrets.setApiKey(null);
    await expect(secrets.getApiKey()).resolves.toBeNull();
    expect(secrets.describe().keyStorage).toBe('none');
  });
});
