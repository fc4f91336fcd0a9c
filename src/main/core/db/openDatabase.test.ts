import {
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  writeSync,
  closeSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newRecord } from '../engine/jobRecord';
import { JobRepository } from '../engine/jobRepository';
import { migrations } from './migrations';
import { Ledger } from '../engine/ledger';
import { listBackups } from './backups';
import type { AppDatabase } from './database';
import { openDatabase } from './openDatabase';
import { stringMatching } from '../../../../test/support/matchers';

const T0 = new Date(2026, 10, 24, 9, 0).getTime();
const HOUR = 3_600_000;
const request = {
  model: 'wan-2.6',
  prompt: 'p',
  mode: 'text' as const,
  durationSeconds: 5,
  inputImages: [],
};

const open: AppDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'airframe-open-'));
  return { dir, file: join(dir, 'airframe.db'), backups: join(dir, 'backups') };
}

function openAt(file: string, at: number) {
  const opened = openDatabase({ file, now: () => at });
  open.push(opened.db);
  return opened;
}

/** A database holding these jobs and a debit, closed, and backed up at `backupAt`. */
async function withJobs(file: string, ids: string[], backupAt: number) {
  const { db } = openAt(file, backupAt);
  new JobRepository(db).add(...ids.map((id) => newRecord(id, request, 0, null)));
  new Ledger(db).debit(ids[0]!, 'task-1', 320, backupAt);
  await db.backUp();
  await db.close();
}

/** Overwrites bytes of the file, as a failing disk or a stray write would. */
function scribble(file: string, offset: number, length: number) {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(length, 0x5a), 0, length, offset);
  closeSync(fd);
}

describe('openDatabase', () => {
  it('creates the database at the newest version with WAL, full sync and foreign keys; backs it up after a write', async () => {
    const { file, backups } = folder();
    const { db, notices } = openAt(file, T0);
    db.setMeta('something', 1);
    // Nothing worth keeping yet: no backup.
    expect(listBackups(backups)).toEqual([]);
    new Ledger(db).debit('job', 'task', 100, T0);
    expect(notices).toEqual([]);
    expect(db.get('PRAGMA user_version')).toEqual({ user_version: migrations.length });
    expect(db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    expect(db.get('PRAGMA synchronous')).toEqual({ synchronous: 2 });
    expect(db.get('PRAGMA foreign_keys')).toEqual({ foreign_keys: 1 });
    await db.backUpIfDue();
    expect(listBackups(backups).map((b) => b.reason)).toEqual(['daily']);
  });

  it('restores a file that is not a database from the newest backup, keeps the file, and says so', async () => {
    const { dir, file } = folder();
    await withJobs(file, ['a', 'b'], T0);
    scribble(file, 0, 100);
    const damaged = readFileSync(file);

    const { db, notices } = openAt(file, T0 + HOUR);
    expect(new JobRepository(db).all().map((r) => r.id)).toEqual(['a', 'b']);
    expect(new Ledger(db).debitedCents('task-1')).toBe(320);
    expect(notices).toHaveLength(1);
    const [notice] = notices;
    expect(notice).toMatchObject({ level: 'warning', at: T0 + HOUR });
    expect(notice?.message).toMatch(
      /^The job database was damaged; restored the backup from 2026-11-24 09:00\./,
    );
    const kept = readdirSync(dir).find((name) => name.startsWith('airframe.db.damaged-'));
    expect(notice?.message).toContain(`The damaged file is kept at ${join(dir, kept!)}.`);
    expect(readFileSync(join(dir, kept!))).toEqual(damaged);
  });

  it('restores a database whose pages fail quick_check', async () => {
    const { file } = folder();
    await withJobs(file, ['a'], T0);
    // Page 2 onwards holds the tables' b-trees: garbage there is found by quick_check.
    for (let page = 1; page < 6; page++) scribble(file, page * 4096, 64);
    const { db, notices } = openAt(file, T0 + HOUR);
    expect(notices[0]?.message).toMatch(/was damaged; restored the backup/);
    expect(new JobRepository(db).all().map((r) => r.id)).toEqual(['a']);
  });

  it('skips a backup that is damaged too and takes the next older one', async () => {
    const { file, backups } = folder();
    await withJobs(file, ['old'], T0);
    {
      const { db } = openAt(file, T0 + 30 * HOUR);
      new JobRepository(db).add(newRecord('new', request, 0, null));
      await db.backUp();
      await db.close();
    }
    const [newest, older] = listBackups(backups);
    expect([newest?.at, older?.at]).toEqual([T0 + 30 * HOUR, T0]);
    scribble(newest!.path, 0, 100);
    scribble(file, 0, 100);
    const { db, notices } = openAt(file, T0 + 31 * HOUR);
    expect(new JobRepository(db).all().map((r) => r.id)).toEqual(['old']);
    expect(notices[0]?.message).toMatch(/restored the backup from 2026-11-24 09:00/);
    expect(existsSync(newest!.path)).toBe(true);
  });

  it('with no readable backup, starts empty with an error notice and keeps the damaged file', () => {
    const { dir, file } = folder();
    writeFileSync(file, 'not a database '.repeat(500));
    const { db, notices } = openAt(file, T0);
    expect(new JobRepository(db).all()).toEqual([]);
    expect(notices).toEqual([
      expect.objectContaining({
        level: 'error',
        message: stringMatching(
          /was damaged and no readable backup was found, so the queue and the ledger start empty\. The damaged file is kept at/,
        ),
      }),
    ]);
    const kept = readdirSync(dir).find((name) => name.startsWith('airframe.db.damaged-'));
    expect(readFileSync(join(dir, kept!), 'utf8')).toBe('not a database '.repeat(500));
  });

  it('restores a database file that went missing while its backups remain', async () => {
    const { dir, file } = folder();
    await withJobs(file, ['a'], T0);
    for (const name of readdirSync(dir))
      if (name.startsWith('airframe.db')) writeFileSync(join(dir, name), '');
    const { db, notices } = openAt(file, T0 + HOUR);
    expect(new JobRepository(db).all().map((r) => r.id)).toEqual(['a']);
    expect(notices[0]?.message).toMatch(/^The job database was empty; restored the backup from/);
  });

  it('makes the daily backup once a day, after a write', async () => {
    const { file, backups } = folder();
    let now = T0;
    const { db } = openDatabase({ file, now: () => now });
    open.push(db);
    const repo = new JobRepository(db);
    for (let i = 0; i < 9; i++) {
      if (i > 0) now += 6 * HOUR;
      repo.add(newRecord(`j${i}`, request, now, null));
      await db.backUpIfDue();
    }
    // A write every 6 hours for 48 hours: a backup after the first, then one each 24 hours.
    expect(listBackups(backups).map((b) => (b.at - T0) / HOUR)).toEqual([48, 24, 0]);
  });
});
