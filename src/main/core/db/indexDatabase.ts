import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { connect, isDamage } from './connection';
import { AppDatabase } from './database';
import { INDEX_SCHEMA_VERSION, indexSchema } from './libraryTables';

export interface OpenedIndexDatabase {
  db: AppDatabase;
  /** Why the file was started afresh (damaged, an older schema), or null when it was kept. */
  rebuilt: string | null;
}

/**
 * Opens the library's index, `library-index.db` beside the app's database. It holds only
 * what the sidecars say, so unlike the app's database it is never checked page by page at
 * start and never backed up: a file that does not open, whose first page or tables do not
 * read, or whose schema is not this version's is deleted and started empty — the library
 * then builds it again from the sidecars, losing nothing.
 */
export function openIndexDatabase(
  file: string,
  options: { now?: () => number } = {},
): OpenedIndexDatabase {
  const now = options.now ?? Date.now;
  mkdirSync(dirname(file), { recursive: true });
  const existed = existsSync(file);
  const opened = openExisting(file);
  if ('sqlite' in opened)
    return { db: new AppDatabase(file, opened.sqlite, { now }), rebuilt: null };
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  const sqlite = connect(file);
  try {
    indexSchema(sqlite);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  return {
    db: new AppDatabase(file, sqlite, { now }),
    rebuilt: existed ? opened.problem : null,
  };
}

/** The file as it is when it reads and has this version's schema; else why not. */
function openExisting(file: string): { sqlite: DatabaseSync } | { problem: string } {
  let sqlite: DatabaseSync | undefined;
  try {
    sqlite = connect(file);
    const { user_version: version } = sqlite.prepare('PRAGMA user_version').get() as {
      user_version: number;
    };
    if (version !== INDEX_SCHEMA_VERSION) {
      sqlite.close();
      return { problem: `its schema is v${version}, this version uses v${INDEX_SCHEMA_VERSION}` };
    }
    // Reads the tables' first pages: a file cut short or overwritten fails here, cheaply.
    sqlite.prepare('SELECT 1 FROM library_clips LIMIT 1').all();
    sqlite.prepare('SELECT 1 FROM library_sidecars LIMIT 1').all();
    return { sqlite };
  } catch (error) {
    if (sqlite?.isOpen) sqlite.close();
    if (isDamage(error)) return { problem: `it was damaged (${(error as Error).message})` };
    throw error;
  }
}
