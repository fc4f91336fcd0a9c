import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { FIRST_KEY_ID } from '../../../shared/apiKeys';
import type { SecretStore } from '../ports';
import { promiseTry } from '../promiseTry';

/**
 * The browser host's key store: a file readable only by its owner, one per key (the first
 * key in `file`, as before there were several; another in `<file>.<key id>`). The browser
 * host is a development and test tool without an OS secret store; Electron uses safeStorage.
 */
export class FileSecretStore implements SecretStore {
  private readonly session = new Map<string, string>();

  constructor(private readonly file: string) {}

  describe() {
    const onDisk = readKey(this.file) !== null;
    return {
      keyStorage: this.session.has(FIRST_KEY_ID)
        ? ('session-only' as const)
        : onDisk
          ? ('owner-only-file' as const)
          : ('none' as const),
      secureStorageAvailable: false,
    };
  }

  getApiKey(keyId: string = FIRST_KEY_ID): Promise<string | null> {
    return promiseTry(() => this.session.get(keyId) ?? readKey(this.fileOf(keyId)));
  }

  setApiKey(
    key: string | null,
    { sessionOnly, keyId = FIRST_KEY_ID }: { sessionOnly?: boolean; keyId?: string } = {},
  ): Promise<void> {
    return promiseTry(() => {
      const file = this.fileOf(keyId);
      if (sessionOnly && key !== null) this.session.set(keyId, key);
      else this.session.delete(keyId);
      if (key === null || sessionOnly) return rmSync(file, { force: true });
      mkdirSync(dirname(file), { recursive: true });
      const temp = `${file}.tmp`;
      writeFileSync(temp, key, { mode: 0o600 });
      chmodSync(temp, 0o600);
      renameSync(temp, file);
    });
  }

  private fileOf(keyId: string): string {
    if (keyId === FIRST_KEY_ID) return this.file;
    // Ids are main's own (UUIDs); anything else would name a file elsewhere.
    if (!/^[A-Za-z0-9-]{1,64}$/.test(keyId)) throw new Error('Not a key id');
    return `${this.file}.${keyId}`;
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
