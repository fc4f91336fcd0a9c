import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryStore } from '../core/stores/memoryStore';
import { stringMatching } from '../../../test/support/matchers';

const safe = { available: true, backend: 'gnome_libsecret' };
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => safe.available,
    getSelectedStorageBackend: () => safe.backend,
    encryptString: (text: string) => Buffer.from(`enc:${text}`),
    decryptString: (buffer: Buffer) => buffer.toString().replace(/^enc:/, ''),
  },
}));
/** Reads its file as electron-store does, so a test sees what it would start from. */
vi.mock('electron-store', async () => {
  const { readFileSync } = await import('node:fs');
  const path = await import('node:path');
  return {
    default: class {
      private readonly values: Record<string, unknown>;
      constructor(options: { name: string; cwd: string }) {
        this.values = JSON.parse(
          readFileSync(path.join(options.cwd, `${options.name}.json`), 'utf8'),
        ) as Record<string, unknown>;
      }
      get(key: string) {
        return this.values[key];
      }
    },
  };
});

const { createElectronStore, createSafeStorageSecrets } = await import('./stores');

describe('the settings file in Electron', () => {
  it('restores the last good copy of an unreadable airframe.json, keeps the damaged one and says so', () => {
    const dir = mkdtempSync(join(tmpdir(), 'airframe-electron-store-'));
    writeFileSync(
      join(dir, 'airframe.json'),
      JSON.stringify({ 'settings.v2': { concurrency: 2 } }),
    );
    expect(createElectronStore(dir).notices).toEqual([]);
    writeFileSync(join(dir, 'airframe.json'), '{"settings.v2": {"concurr');
    const store = createElectronStore(dir);
    expect(store.get('settings.v2')).toEqual({ concurrency: 2 });
    expect(store.notices).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: stringMatching(/^The settings file was damaged; restored the last good copy/),
      }),
    ]);
    const kept = readdirSync(dir).find((name) => name.startsWith('airframe.json.corrupt-'));
    expect(readFileSync(join(dir, kept!), 'utf8')).toBe('{"settings.v2": {"concurr');
  });
});

describe('the API key in Electron', () => {
  beforeEach(() => Object.assign(safe, { available: true, backend: 'gnome_libsecret' }));

  it('is stored encrypted, never in clear, and read back in main', async () => {
    const store = new MemoryStore();
    const secrets = createSafeStorageSecrets(store);
    await secrets.setApiKey('sk-air-secret-123');
    expect(JSON.stringify(store.get('secrets.apiKey'))).not.toContain('sk-air-secret-123');
    await expect(createSafeStorageSecrets(store).getApiKey()).resolves.toBe('sk-air-secret-123');
    expect(secrets.describe()).toEqual({
      keyStorage: 'os-encrypted',
      secureStorageAvailable: true,
    });
  });

  it('says so where Linux has no real secret store (basic_text)', async () => {
    if (process.platform !== 'linux') return;
    safe.backend = 'basic_text';
    const secrets = createSafeStorageSecrets(new MemoryStore());
    await secrets.setApiKey('sk-air-secret-123');
    expect(secrets.describe()).toEqual({
      keyStorage: 'obfuscated-on-disk',
      secureStorageAvailable: false,
    });
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

  it('keeps each further key encrypted under its own id, the first where the single key was', async () => {
    const store = new MemoryStore();
    const secrets = createSafeStorageSecrets(store);
    await secrets.setApiKey('sk-air-first-1111');
    await secrets.setApiKey('sk-air-client-2222', { keyId: 'a1b2-c3' });
    expect(JSON.stringify(store.get('secrets.keys.a1b2-c3'))).not.toContain('sk-air-client');
    const again = createSafeStorageSecrets(store);
    await expect(again.getApiKey()).resolves.toBe('sk-air-first-1111');
    await expect(again.getApiKey('a1b2-c3')).resolves.toBe('sk-air-client-2222');
    await again.setApiKey(null, { keyId: 'a1b2-c3' });
    await expect(again.getApiKey('a1b2-c3')).resolves.toBeNull();
    await expect(again.getApiKey()).resolves.toBe('sk-air-first-1111');
    await expect(again.getApiKey('../x')).rejects.toThrow('Not a key id');
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
