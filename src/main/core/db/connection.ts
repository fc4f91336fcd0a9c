import { DatabaseSync } from 'node:sqlite';
import { UserError } from '../../../shared/contract/result';

/** SQLite's primary result codes (the low byte of an extended code) the app tells apart. */
const SQLITE_BUSY = 5;
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_NOTADB = 26;

/**
 * A change that could not be written. It is a `UserError` so a command answers it in words
 * ("the disk is full") — and nothing was changed, in memory or on disk.
 */
export class StorageError extends UserError {
  constructor(
    message: string,
    readonly sqliteCode: number,
    options?: { cause: unknown },
  ) {
    super('unavailable', message);
    this.name = 'StorageError';
    if (options) this.cause = options.cause;
  }
}

function primaryCode(error: unknown): number | null {
  const code = (error as { code?: unknown; errcode?: unknown } | null)?.errcode;
  return (error as { code?: unknown })?.code === 'ERR_SQLITE_ERROR' && typeof code === 'number'
    ? code & 0xff
    : null;
}

/** The file is not a database, or its pages do not add up: what a restore from backup is for. */
export function isDamage(error: unknown): boolean {
  const code = primaryCode(error);
  return code === SQLITE_CORRUPT || code === SQLITE_NOTADB;
}

/** SQLite's failures to write, in the user's words; any other error is returned as it is. */
export function storageError(error: unknown): unknown {
  const code = primaryCode(error);
  const detail = (error as Error).message;
  const say = (why: string) =>
    new StorageError(
      `Airframe could not save this change: ${why}. Nothing was changed.`,
      code ?? 0,
      { cause: error },
    );
  switch (code) {
    case SQLITE_FULL:
      return say('the disk holding its data is full — free some space and try again');
    case SQLITE_READONLY:
      return say('its data folder is read-only');
    case SQLITE_IOERR:
      return say(`the disk reported an error (${detail})`);
    case SQLITE_BUSY:
      return say('another Airframe is using the same data folder');
    case SQLITE_CORRUPT:
      return say('the job database is damaged; restart Airframe to restore it from its backup');
    default:
      return error;
  }
}

/** Opens (or creates) the file with the settings every connection of the app uses. */
export function connect(file: string): DatabaseSync {
  const sqlite = new DatabaseSync(file, { enableForeignKeyConstraints: true });
  try {
    // A second connection (a restarted engine, a backup) waits rather than failing.
    sqlite.exec('PRAGMA busy_timeout = 5000');
    sqlite.exec('PRAGMA journal_mode = WAL');
    // What guards money must survive a power cut: every commit waits for the disk unless
    // a write says otherwise (see `write`).
    sqlite.exec('PRAGMA synchronous = FULL');
    sqlite.exec('PRAGMA foreign_keys = ON');
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return sqlite;
}
