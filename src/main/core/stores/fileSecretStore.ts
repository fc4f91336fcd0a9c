import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretStore } from '../ports';

/**
 * The browser host's key store: a file readable only by its owner. The browser host is a
 * development and test tool without an OS secret store; Electron uses safeStorage instead.
 */
export class FileSecretStore implements SecretStore {
  constructor(private readonly file: string) {}

  async getApiKey(): Promise<string | null> {
    try {
      const key = readFileSync(this.file, 'utf8').trim();
      return key.length > 0 ? key : null;
    } catch {
      return null;
    }
  }

  async setApiKey(key: string | null): Promise<void> {
    if (key === null) return rmSync(this.file, { force: true });
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, key, { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, this.file);
  }
}
