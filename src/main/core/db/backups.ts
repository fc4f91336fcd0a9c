import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { join } from 'node:path';
import * as sqlite from 'node:sqlite';
import type { DatabaseSync } from 'node:sqlite';

export const BACKUPS_KEPT = 5;
export const BACKUP_EVERY_MS = 86_400_000;

export interface BackupFile {
  path: string;
  /** When it was made (ms since epoch), read back from its name. */
  at: number;
  /** `daily`, `before-v2`… */
  reason: string;
}

type CopyDatabase = (db: DatabaseSync, path: string) => Promise<unknown>;

/**
 * Node's online backup API steps through the pages on the thread pool, so the app keeps
 * running meanwhile. It is missing from older Node 22 releases (Electron 45 runs 22.x);
 * there `VACUUM INTO` makes the same consistent copy, blocking while it does.
 */
const nativeBackup = (sqlite as { backup?: CopyDatabase }).backup;

const NAME = /^airframe-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-([a-z0-9-]+)\.db$/;

export function backupName(at: number, reason: string): string {
  return `airframe-${new Date(at).toISOString().replace(/[:.]/g, '-')}-${reason}.db`;
}

/** The backups in `dir`, newest first. */
export function listBackups(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .flatMap((name) => {
      const match = NAME.exec(name);
      if (!match) return [];
      const [, day, h, m, s, ms, reason] = match;
      const at = Date.parse(`${day}T${h}:${m}:${s}.${ms}Z`);
      return [{ path: join(dir, name), at, reason: reason ?? '' }];
    })
    .sort((a, b) => b.at - a.at);
}

/** A consistent copy of the open database, made at once (VACUUM INTO). */
export function backUpSync(db: DatabaseSync, dir: string, at: number, reason: string): BackupFile {
  const { file, temp } = prepare(dir, at, reason);
  try {
    db.prepare('VACUUM INTO ?').run(temp);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return finish(temp, file, dir, at, reason);
}

/** The same copy through Node's online backup where this Node has it. */
export async function backUp(
  db: DatabaseSync,
  dir: string,
  at: number,
  reason: string,
  copy: CopyDatabase | undefined = nativeBackup,
): Promise<BackupFile> {
  if (!copy) return backUpSync(db, dir, at, reason);
  const { file, temp } = prepare(dir, at, reason);
  try {
    await copy(db, temp);
  } catch {
    // Node's backup sometimes gives up ("not an error", errcode 0) while the same connection
    // runs transactions — 1 run in 20 here under steady writes: the copy is made at once.
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(temp + suffix, { force: true });
    return backUpSync(db, dir, at, reason);
  }
  return finish(temp, file, dir, at, reason);
}

/** Keeps the newest `keep` backups. */
export function prune(dir: string, keep = BACKUPS_KEPT): void {
  for (const old of listBackups(dir).slice(keep)) rmSync(old.path, { force: true });
}

let copies = 0;

function prepare(dir: string, at: number, reason: string) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, backupName(at, reason));
  // Written under a name of its own and renamed: a backup cut short is never taken for
  // one, and two connections backing up at once never write into the same file.
  const temp = `${file}.${process.pid}-${(copies += 1)}.tmp`;
  return { file, temp };
}

function finish(temp: string, file: string, dir: string, at: number, reason: string): BackupFile {
  fsyncPath(temp, 'r+');
  renameSync(temp, file);
  fsyncPath(dir, 'r');
  prune(dir);
  return { path: file, at, reason };
}

function fsyncPath(path: string, flags: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, flags);
    fsyncSync(fd);
  } catch (error) {
    // Windows cannot open a folder to sync it; the rename is then as durable as it gets.
    if (flags === 'r+') throw error;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
