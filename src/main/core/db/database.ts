import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import { backUp, BACKUP_EVERY_MS, type BackupFile } from './backups';
import { storageError } from './connection';

const RETRY_FAILED_BACKUP_MS = 3_600_000;

export interface SetAsideRow {
  id: number;
  source: string;
  key: string | null;
  raw: string;
  reason: string;
  at: number;
}

export interface DatabaseOptions {
  now: () => number;
  /** Where the daily backup goes; without one, none is made. */
  backupsDir?: string;
  lastBackupAt?: number;
  log?: (message: string, error?: unknown) => void;
}

/**
 * The app's one SQLite database: cached statements, transactions that either commit whole
 * or leave nothing behind, the `meta` and `set_aside` tables, and a backup once a day
 * (checked after commits, so an idle app schedules nothing).
 */
export class AppDatabase {
  private readonly statements = new Map<string, StatementSync>();
  /** The transaction under way; `promoted` when a durable write joined one that was not. */
  private current: { durable: boolean; promoted: boolean } | null = null;
  private synchronous: 'FULL' | 'NORMAL' = 'FULL';
  /** A commit went out without waiting for the disk, and no durable one has followed. */
  private unsynced = false;
  private lastBackupAt: number;
  private backingUp: Promise<void> | null = null;
  private closed = false;
  /** Commits made, for benchmarks and tests. */
  readonly stats = { durableCommits: 0, otherCommits: 0 };

  constructor(
    readonly file: string,
    private readonly sqlite: DatabaseSync,
    private readonly options: DatabaseOptions,
  ) {
    this.lastBackupAt = options.lastBackupAt ?? Number.NEGATIVE_INFINITY;
  }

  run(sql: string, ...params: SQLInputValue[]): { changes: number } {
    const { changes } = this.statement(sql).run(...params);
    return { changes: Number(changes) };
  }

  all<T>(sql: string, ...params: SQLInputValue[]): T[] {
    return this.statement(sql).all(...params) as T[];
  }

  get<T>(sql: string, ...params: SQLInputValue[]): T | undefined {
    return this.statement(sql).get(...params) as T | undefined;
  }

  /**
   * Runs `work` in one transaction. `durable` (the default) commits with synchronous=FULL:
   * on disk before this returns, power cut or not. Otherwise with NORMAL: written at once
   * and safe from a crash of the app, but the OS may hold it a moment; the next durable
   * commit (or `sync`) makes it durable too, as WAL commits land in order. A write inside
   * a write joins it. A failure rolls everything back and throws (a `StorageError` when
   * SQLite could not write).
   */
  write<T>(work: () => T, options: { durable?: boolean } = {}): T {
    const durable = options.durable ?? true;
    if (this.current) {
      if (durable && !this.current.durable) this.current.promoted = true;
      return work();
    }
    const level = durable ? 'FULL' : 'NORMAL';
    try {
      // SQLite takes the safety level only outside a transaction.
      if (this.synchronous !== level) this.sqlite.exec(`PRAGMA synchronous = ${level}`);
      this.synchronous = level;
      this.sqlite.exec('BEGIN IMMEDIATE');
    } catch (error) {
      throw storageError(error);
    }
    const current = { durable, promoted: false };
    this.current = current;
    try {
      const result = work();
      this.sqlite.exec('COMMIT');
      this.unsynced = !durable;
      this.stats[durable ? 'durableCommits' : 'otherCommits'] += 1;
      this.current = null;
      // The safety level cannot change inside a transaction: a durable part is made durable now.
      if (current.promoted) this.sync();
      // Settles on its own: a failed backup is logged and tried again later.
      void this.backUpIfDue();
      return result;
    } catch (error) {
      this.current = null;
      this.rollback();
      throw storageError(error);
    }
  }

  /** Makes every change written so far durable (before the app stops). */
  sync(): void {
    if (this.unsynced && !this.closed) this.setMeta('db.syncedAt', this.options.now());
  }

  getMeta(key: string): unknown {
    const row = this.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', key);
    if (!row) return undefined;
    try {
      return JSON.parse(row.value) as unknown;
    } catch (error) {
      this.write(() => {
        this.setAside('meta', key, row.value, `not JSON: ${(error as Error).message}`);
        this.run('DELETE FROM meta WHERE key = ?', key);
      });
      return undefined;
    }
  }

  setMeta(key: string, value: unknown, options: { durable?: boolean } = {}): void {
    this.write(
      () =>
        this.run(
          'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
          key,
          JSON.stringify(value),
        ),
      options,
    );
  }

  /** Keeps something unreadable for the user (and for us), never dropping it. */
  setAside(source: string, key: string | null, raw: string, reason: string): void {
    this.write(() =>
      this.run(
        'INSERT INTO set_aside (source, key, raw, reason, at) VALUES (?, ?, ?, ?, ?)',
        source,
        key,
        raw,
        reason,
        this.options.now(),
      ),
    );
  }

  setAsideRows(source?: string): SetAsideRow[] {
    return source === undefined
      ? this.all<SetAsideRow>('SELECT * FROM set_aside ORDER BY id')
      : this.all<SetAsideRow>('SELECT * FROM set_aside WHERE source = ? ORDER BY id', source);
  }

  /** Starts the daily backup when one is due and there is data to keep; it runs beside the app's own writes. */
  backUpIfDue(): Promise<void> | null {
    const { backupsDir, now, log } = this.options;
    if (
      !backupsDir ||
      this.backingUp ||
      this.closed ||
      now() - this.lastBackupAt < BACKUP_EVERY_MS
    ) {
      return this.backingUp;
    }
    // A database with no job and no ledger entry yet has nothing a backup could save.
    const worth = this.get<{ any: number }>(
      'SELECT EXISTS (SELECT 1 FROM jobs) OR EXISTS (SELECT 1 FROM ledger) AS any',
    );
    if (!worth?.any) return null;
    const at = now();
    this.lastBackupAt = at;
    this.backUp('daily').catch((error: unknown) => {
      this.lastBackupAt = at - BACKUP_EVERY_MS + RETRY_FAILED_BACKUP_MS;
      log?.('The daily backup of the job database failed', error);
    });
    return this.backingUp;
  }

  /**
   * Makes a backup now, after the one under way if any: one at a time, so the daily check
   * (after every commit) never starts a second copy meanwhile.
   */
  backUp(reason = 'daily'): Promise<BackupFile> {
    const { backupsDir, now } = this.options;
    if (!backupsDir) return Promise.reject(new Error('This database has no backup folder'));
    const before = this.backingUp;
    const made = (async () => {
      await before;
      const file = await backUp(this.sqlite, backupsDir, now(), reason);
      this.lastBackupAt = Math.max(this.lastBackupAt, file.at);
      return file;
    })();
    const settled: Promise<void> = made.then(
      () => {},
      () => {},
    );
    this.backingUp = settled;
    void settled.then(() => {
      if (this.backingUp === settled) this.backingUp = null;
    });
    return made;
  }

  /** Waits for a backup under way, makes everything durable and closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.backingUp;
    this.sync();
    this.closed = true;
    this.statements.clear();
    this.sqlite.close();
  }

  private statement(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private rollback(): void {
    try {
      this.sqlite.exec('ROLLBACK');
    } catch {
      // SQLite already rolled back (it does so itself after some errors, SQLITE_FULL among them).
    }
  }
}
