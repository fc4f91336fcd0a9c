import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSecretStore } from './fileSecretStore';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the browser host’s key files', () => {
  it('keeps the first key in its old file and each other key in a file of its own, owner-only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'airframe-secrets-'));
    dirs.push(dir);
    const store = new FileSecretStore(join(dir, 'api-key'));
    await store.setApiKey('sk-air-first-1111');
    await store.setApiKey('sk-air-other-2222', { keyId: 'k-2' });
    expect(readdirSync(dir).sort()).toEqual(['api-key', 'api-key.k-2']);
    expect(statSync(join(dir, 'api-key.k-2')).mode & 0o777).toBe(0o600);
    const again = new FileSecretStore(join(dir, 'api-key'));
    await expect(again.getApiKey()).resolves.toBe('sk-air-first-1111');
    await expect(again.getApiKey('k-2')).resolves.toBe('sk-air-other-2222');
    await again.setApiKey('sk-air-session-3333', { keyId: 'k-2', sessionOnly: true });
    expect(readdirSync(dir)).toEqual(['api-key']);
    await expect(again.getApiKey('k-2')).resolves.toBe('sk-air-session-3333');
    await expect(again.getApiKey('../../etc/passwd')).rejects.toThrow('Not a key id');
  });
});
