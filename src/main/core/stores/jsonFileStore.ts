import {
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
  openSync,
  fsyncSync,
  closeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import type { Notice } from '../../../shared/notices';
import type { KeyValueStore } from '../ports';
import { guardJsonFile } from './lastGoodCopy';

/**
 * The key-value store of Node hosts (browser host, tests, benchmarks): one JSON file,
 * written whole to a temporary file, fsynced and renamed, so a crash leaves either the
 * old or the new version and never half of one. An unreadable file is kept aside as
 * `<file>.corrupt-<time>` rather than overwritten, and the last good copy restored
 * (`guardJsonFile`); `notices` says what happened.
 */
export class JsonFileStore implements KeyValueStore {
  private values: Record<string, unknown>;
  readonly notices: readonly Notice[];

  constructor(private readonly file: string) {
    this.notices = guardJsonFile(file, Date.now());
    this.values = this.load();
  }

  get(key: string): unknown {
    return structuredClone(this.values[key]);
  }

  set(key: string, value: unknown): void {
    this.values[key] = structuredClone(value);
    this.flush();
  }

  delete(key: string): void {
    delete this.values[key];
    this.flush();
  }

  private load(): Record<string, unknown> {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        return parsed as Record<string, unknown>;
      }
    } catch {
      // fall through: keep the unreadable file for the user, start empty
    }
    renameSync(this.file, `${this.file}.corrupt-${Date.now()}`);
    return {};
  }

  private flush(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(this.values));
    const fd = openSync(temp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.file);
  }
}
