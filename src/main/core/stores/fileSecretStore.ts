import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretStore } from '../ports';
import { promiseTry } from '../promiseTry';

/**
 * The browser host's key store: a file readable only by its owner. The browser host is a
 * development and test tool without an OS secret store; Electron uses safeStorage instead.
 */
export class FileSecretStore implements SecretStore {
  private session: string | null = null;

  constructor(private readonly file: string) {}

  describe() {
    const onDisk = readKey(this.file) !== null;
    return {
      keyStorage: this.session
        ? ('session-only' as const)
        : onDisk
          ? ('owner-only-file' as const)
          : ('none' as const),
      secureStorageAvailable: false,
    };
  }

  getApiKey(): Promise<string | null> {
    return promiseTry(() => this.session ?? readKey(this.file));
  }

  setApiKey(key: string | null, options: { sessionOnly?: boolean } = {}): Promise<void> {
    return promiseTry(() => {
      this.session = options.sessionOnly ? key : null;
      if (key === null || options.sessionOnly) return rmSync(this.file, { force: true });
      mkdirSync(dirname(this.file), { recursive: true });
      const temp = `${this.file}.tmp`;
      writeFileSync(temp, key, { mode: 0o600 });
      chmodSync(temp, 0o600);
      renameSync(temp, this.file);
    });
  }
}

function readKey(file: string): string | null {
  try {
    const key = readFileSync(file, 'utf8').trim();
    return key.length > 0 ? key : null;
  } catch {
    return null;
  }
}
