import { mkdtempSync, openSync, statSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { newRecord } from '../engine/jobRecord';
import { JobRepository } from '../engine/jobRepository';
import { listBackups } from './backups';
import { insertJobRows } from '../../../../test/support/jobRepositoryKit';
import type { AppDatabase } from './database';
import { openIndexDatabase } from './indexDatabase';
import { INDEX_SCHEMA_VERSION, LIBRARY_TABLES } from './libraryTables';
import { migrations, type Migration } from './migrations';
import { openDatabase } from './openDatabase';

const open: AppDatabase[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(open.splice(0).map((db) => db.close()));
});

const request = {
  model: 'm',
  prompt: 'p',
  mode: 'text' as const,
  durationSeconds: 5,
  inputImages: [],
};

const scratch = () => mkdtempSync(join(tmpdir(), 'airframe-index-'));

const tablesOf = (db: AppDatabase) =>
  db
    .all<{ name: string }>(`SELECT name FROM sqlite_schema WHERE name LIKE 'library%'`)
    .map((row) => row.name);

const insertClip = (db: AppDatabase, base: string, id: string) =>
  db.run(
    `INSERT INTO library_clips (folder, base, clip_id, stamp, has_poster, haystack, prompt, model, mode, created_at, cost, favourite)
     VALUES ('/lib', ?, ?, '1:1', 0, 'a lighthouse at dusk', 'A lighthouse at dusk', 'm', 'text', 1, -1, 0)`,
    base,
    id,
  );

/** v3 as users of this session got it: the index's tables in the app's database. */
const v3WithIndex: readonly Migration[] = [
  ...migrations.slice(0, 2),
  { version: 3, up: (db) => db.exec(LIBRARY_TABLES) },
];

describe('the app database without the library index', () => {
  it('v4 drops the index from a v3 database, keeps its jobs, backs it up first and gives the space back', async () => {
    const dir = scratch();
    const file = join(dir, 'airframe.db');
    const v3 = openDatabase({ file, migrations: v3WithIndex }).db;
    insertJobRows(v3, newRecord('a', request, 0, null));
    v3.write(() => {
      for (let n = 0; n < 3000; n++) insertClip(v3, `clip-${n}`, `vid_${n}`);
    });
    await v3.close();
    const before = statSync(file).size;

    const { db } = openDatabase({ file });
    expect(db.get('PRAGMA user_version')).toEqual({ user_version: migrations.at(-1)!.version });
    expect(tablesOf(db)).toEqual([]);
    expect(new JobRepository(db).all().map((record) => record.id)).toEqual(['a']);
    expect(listBackups(join(dir, 'backups')).map((backup) => backup.reason)).toContain(
      `before-v${migrations.at(-1)!.version}`,
    );
    await db.close();
    expect(statSync(file).size).toBeLessThan(before / 2);
  });

  it('a new database never has the index, and its daily backup holds no index table', async () => {
    const dir = scratch();
    const { db } = openDatabase({ file: join(dir, 'airframe.db') });
    open.push(db);
    new JobRepository(db).add(newRecord('a', request, 0, null));
    const backup = await db.backUp();
    const copy = new DatabaseSync(backup.path, { readOnly: true });
    const names = copy.prepare(`SELECT name FROM sqlite_schema`).all();
    copy.close();
    expect(names.map((row) => row['name'])).toContain('jobs');
    expect(names.filter((row) => String(row['name']).startsWith('library'))).toEqual([]);
  });
});

describe('the index file', () => {
  it('is created with the index schema, searchable by trigram, one row per base and per clip id', () => {
    const { db, rebuilt } = openIndexDatabase(join(scratch(), 'library-index.db'));
    open.push(db);
    expect(rebuilt).toBeNull();
    expect(db.get('PRAGMA user_version')).toEqual({ user_version: INDEX_SCHEMA_VERSION });
    expect(db.get('PRAGMA journal_mode')).toEqual({ journal_mode: 'wal' });
    insertClip(db, 'b', 'vid_1');
    const found = (word: string) =>
      db.all('SELECT rowid FROM library_text WHERE library_text MATCH ?', `"${word}"`).length;
    expect(found('ghthou')).toBe(1);
    db.run(`UPDATE library_clips SET haystack = 'a fox' WHERE clip_id = 'vid_1'`);
    expect([found('ghthou'), found('fox')]).toEqual([0, 1]);
    expect(() => insertClip(db, 'c', 'vid_1')).toThrow(/UNIQUE/);
  });

  it('keeps a sound file as it is, and never runs quick_check or integrity_check on it', async () => {
    const file = join(scratch(), 'library-index.db');
    const first = openIndexDatabase(file).db;
    insertClip(first, 'b', 'vid_1');
    await first.close();
    const prepare = vi.spyOn(DatabaseSync.prototype, 'prepare');
    const exec = vi.spyOn(DatabaseSync.prototype, 'exec');
    const { db, rebuilt } = openIndexDatabase(file);
    open.push(db);
    expect(rebuilt).toBeNull();
    expect(db.all('SELECT clip_id FROM library_clips')).toEqual([{ clip_id: 'vid_1' }]);
    const sql = [...prepare.mock.calls, ...exec.mock.calls].map(([text]) => String(text));
    expect(sql.length).toBeGreaterThan(0);
    expect(sql.filter((text) => /quick_check|integrity_check/i.test(text))).toEqual([]);
  });

  it('starts a damaged file afresh, saying why', async () => {
    const file = join(scratch(), 'library-index.db');
    const first = openIndexDatabase(file).db;
    insertClip(first, 'b', 'vid_1');
    await first.close();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 0);
    closeSync(fd);

    const { db, rebuilt } = openIndexDatabase(file);
    open.push(db);
    expect(rebuilt).toMatch(/damaged/);
    expect(db.all('SELECT clip_id FROM library_clips')).toEqual([]);
    expect(db.get('PRAGMA user_version')).toEqual({ user_version: INDEX_SCHEMA_VERSION });
  });

  it('starts a file of another schema version afresh', () => {
    const file = join(scratch(), 'library-index.db');
    const old = new DatabaseSync(file);
    old.exec('CREATE TABLE library_clips (id INTEGER PRIMARY KEY); PRAGMA user_version = 99');
    old.close();
    const { db, rebuilt } = openIndexDatabase(file);
    open.push(db);
    expect(rebuilt).toMatch(/schema is v99/);
    insertClip(db, 'b', 'vid_1');
    expect(db.get('SELECT COUNT(*) AS n FROM library_clips')).toEqual({ n: 1 });
  });
});
