import { FIRST_KEY_ID } from '../../../shared/apiKeys';
import { UserError } from '../../../shared/contract/result';
import type {
  Clip,
  ImportRequest,
  ListRemoteRequest,
  RemoteListResponse,
} from '../../../shared/library';
import type { Translate } from '../i18n';
import { importTask, isNotFound, listRemote, type HistoryDeps, type KeyTry } from './remoteHistory';

export interface KeyedHistoryDeps extends HistoryDeps {
  /** The secret of `keyId` (the first key when absent); null when there is none to use. */
  getApiKey(keyId?: string): Promise<string | null>;
  /** The keys there are (issue 18), the first first; without it, the first key alone. */
  keys?: () => Promise<readonly { id: string; name: string }[]>;
}

interface UsableKey extends KeyTry {
  name: string;
}

/**
 * The server's history per key (issue 18): each key's tasks are known to that key alone, so
 * the history lists every key's (or one key's) and imports a task with the key that made it.
 */
export class KeyedHistory {
  /** The key each task was last listed under: an import without a key tries it first. */
  private readonly listedUnder = new Map<string, string>();

  constructor(
    private readonly deps: KeyedHistoryDeps,
    private readonly t: Translate,
  ) {}

  /** Every key's history (or `keyId`'s), each task tagged with its key, newest first. */
  async list({ keyId }: ListRemoteRequest = {}): Promise<RemoteListResponse> {
    const keys = await this.keysFor(keyId);
    const lists = await Promise.all(
      keys.map(async (key) =>
        (await listRemote(this.deps, key.apiKey)).tasks.map((task) => ({
          ...task,
          keyId: key.keyId,
          keyName: key.name,
        })),
      ),
    );
    const tasks = lists.flat();
    // One key's list keeps the server's order; several are merged by date.
    if (lists.length > 1) tasks.sort((a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0));
    for (const task of tasks) this.listedUnder.set(task.taskId, task.keyId);
    return { tasks };
  }

  /** Imports with `keyId`; else with the key it was listed under, then each other key. */
  async import({ taskId, keyId }: ImportRequest): Promise<Clip> {
    return importTask(
      this.deps,
      async () => {
        const keys = await this.keysFor(keyId);
        const listed = this.listedUnder.get(taskId);
        return [
          ...keys.filter((k) => k.keyId === listed),
          ...keys.filter((k) => k.keyId !== listed),
        ];
      },
      taskId,
    );
  }

  /**
   * Deletes the task on the server with the key that knows it: the one it was listed under
   * first, then each other key (a key that did not make a task is told it does not exist).
   * False when no key knows it (purged, or deleted elsewhere); other failures are thrown.
   */
  async deleteTask(taskId: string): Promise<boolean> {
    const keys = await this.keysFor(undefined);
    const listed = this.listedUnder.get(taskId);
    const ordered = [
      ...keys.filter((k) => k.keyId === listed),
      ...keys.filter((k) => k.keyId !== listed),
    ];
    for (const key of ordered) {
      try {
        await this.deps.api.deleteTask(key.apiKey, taskId);
        return true;
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    }
    return false;
  }

  private async keysFor(keyId: string | undefined): Promise<UsableKey[]> {
    const known = this.deps.keys ? await this.deps.keys() : [{ id: FIRST_KEY_ID, name: '' }];
    const usable: UsableKey[] = [];
    for (const { id, name } of known) {
      if (keyId !== undefined && id !== keyId) continue;
      const apiKey = await this.deps.getApiKey(id);
      if (apiKey) usable.push({ keyId: id, name, apiKey });
    }
    if (usable.length > 0) return usable;
    if (keyId !== undefined) throw new UserError('not-found', this.t('key.unknown'));
    throw new UserError('forbidden', this.t('library.noApiKey'));
  }
}
