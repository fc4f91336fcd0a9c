import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import type { Notice } from '../../../shared/notices';
import type { Translate } from '../i18n';
import type { KeyValueStore } from '../ports';
import { backUpSync, listBackups } from './backups';
import { connect, isDamage } from './connection';
import { AppDatabase } from './database';
import { importLegacyStore } from './legacyImport';
import { migrate, migrations, type Migration } from './migrations';

export interface OpenDatabaseOptions {
  /** `<dataDir>/airframe.db`. */
  file: string;
  /** Default: `backups/` beside the file. */
  backupsDir?: string;
  now?: () => number;
  /** The key-value store that held the queue, ledger and paused flag before: moved in once. */
  legacy?: KeyValueStore;
  /** The schema's steps (tests add a v2). */
  migrations?: readonly Migration[];
  log?: (message: string, error?: unknown) => void;
  /** The language of what moving the old store in says (English by default). */
  t?: Translate;
}

export interface OpenedDatabase {
  db: AppDatabase;
  /** What happened on the way, for the user. */
  notices: Notice[];
}

type Say = (level: Notice['level'], message: string) => void;

/**
 * Opens the app's database so that nothing is silently replaced by empty: a file that
 * does not open or fails `quick_check` is moved aside (never deleted) and the newest
 * backup that passes is restored; a file gone missing while backups exist is restored too.
 * Then the schema is migrated (after a backup) and today's key-value data is moved in once.
 */
export function openDatabase(options: OpenDatabaseOptions): OpenedDatabase {
  const { file, legacy } = options;
  const now = options.now ?? Date.now;
  const backupsDir = options.backupsDir ?? join(dirname(file), 'backups');
  mkdirSync(dirname(file), { recursive: true });
  const notices: Notice[] = [];
  const say: Say = (level, message) => notices.push({ level, message, at: now() });

  const missing = !existsSync(file) || statSync(file).size === 0;
  const checked =
    missing && listBackups(backupsDir).length > 0 ? { problem: null } : openChecked(file);
  const sqlite =
    'sqlite' in checked ? checked.sqlite : restore(file, backupsDir, checked.problem, now, say);

  let upgraded = null as { from: number; to: number; backup: string } | null;
  try {
    migrate(sqlite, options.migrations ?? migrations, (from, to) => {
      upgraded = { from, to, backup: backUpSync(sqlite, backupsDir, now(), `before-v${to}`).path };
    });
  } catch (error) {
    sqlite.close();
    throw error;
  }
  if (upgraded) {
    const { from, to, backup } = upgraded;
    say(
      'info',
      `The job database was upgraded from v${from} to v${to}; a copy as it was is kept at ${backup}.`,
    );
  }
  const db = new AppDatabase(file, sqlite, {
    now,
    backupsDir,
    ...(listBackups(backupsDir)[0] ? { lastBackupAt: listBackups(backupsDir)[0]!.at } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  // The daily backup follows the first write of a day (AppDatabase.write): a session that
  // changes nothing needs none.
  if (legacy) notices.push(...importLegacyStore(db, legacy, now(), options.t));
  return { db, notices };
}

/** Opens the file and runs `quick_check`; a damaged file is a problem to report, other errors are thrown. */
function openChecked(file: string): { sqlite: DatabaseSync } | { problem: string } {
  let sqlite: DatabaseSync | undefined;
  try {
    sqlite = connect(file);
    const rows = sqlite.prepare('PRAGMA quick_check').all() as { quick_check: string }[];
    const verdict = rows.map((row) => row.quick_check);
    if (verdict.length === 1 && verdict[0] === 'ok') return { sqlite };
    sqlite.close();
    return { problem: verdict.slice(0, 3).join('; ') };
  } catch (error) {
    if (sqlite?.isOpen) sqlite.close();
    if (isDamage(error)) return { problem: (error as Error).message };
    throw error;
  }
}

/** Moves the damaged file aside and restores the newest backup that passes `quick_check`. */
function restore(
  file: string,
  backupsDir: string,
  problem: string | null,
  now: () => number,
  say: Say,
): DatabaseSync {
  const what = problem !== null ? 'was damaged' : existsSync(file) ? 'was empty' : 'was missing';
  const kept = existsSync(file)
    ? `${file}.damaged-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`
    : null;
  if (kept) {
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(file + suffix)) renameSync(file + suffix, kept + suffix);
    }
  }
  const keptAt = kept ? ` The damaged file is kept at ${kept}.` : '';
  const candidate = `${file}.restoring`;
  for (const backup of listBackups(backupsDir)) {
    copyFileSync(backup.path, candidate);
    const checked = openChecked(candidate);
    if ('sqlite' in checked) {
      checked.sqlite.close();
      renameSync(candidate, file);
      say(
        'warning',
        `The job database ${what}; restored the backup from ${localTime(backup.at)}. Jobs and spending recorded after that are not in it.${keptAt}`,
      );
      return connect(file);
    }
    for (const suffix of ['', '-wal', '-shm']) rmSync(candidate + suffix, { force: true });
  }
  say(
    'error',
    `The job database ${what} and no readable backup was found, so the queue and the ledger start empty.${keptAt}`,
  );
  return connect(file);
}

function localTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
