import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { newRecord } from '../engine/jobRecord';
import { JobRepository } from '../engine/jobRepository';
import { listBackups } from './backups';
import type { AppDatabase } from './database';
import { migrations } from './migrations';
import { openDatabase } from './openDatabase';

const open: AppDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

const request = {
  model: 'm',
  prompt: 'p',
  mode: 'text' as const,
  durationSeconds: 5,
  inputImages: [],
};

it('v3 adds the library index to a v2 database, its jobs intact, after a backup', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'airframe-v3-'));
  const file = join(dir, 'airframe.db');
  const v2 = openDatabase({ file, migrations: migrations.slice(0, 2) }).db;
  new JobRepository(v2).add(newRecord('a', request, 0, null));
  await v2.close();

  const { db } = openDatabase({ file, migrations: migrations.slice(0, 3) });
  open.push(db);
  expect(db.get('PRAGMA user_version')).toEqual({ user_version: 3 });
  expect(new JobRepository(db).all().map((record) => record.id)).toEqual(['a']);
  expect(listBackups(join(dir, 'backups')).map((backup) => backup.reason)).toContain('before-v3');

  db.run(
    `INSERT INTO library_clips (folder, base, clip_id, stamp, has_poster, haystack, prompt, model, mode, created_at, cost, favourite)
     VALUES ('/lib', 'b', 'vid_1', '1:1', 0, 'a lighthouse at dusk', 'A lighthouse at dusk', 'm', 'text', 1, -1, 0)`,
  );
  const found = (word: string) =>
    db.all('SELECT rowid FROM library_text WHERE library_text MATCH ?', `"${word}"`).length;
  expect(found('ghthou')).toBe(1);
  db.run(`UPDATE library_clips SET haystack = 'a fox' WHERE clip_id = 'vid_1'`);
  expect([found('ghthou'), found('fox')]).toEqual([0, 1]);
  db.run(`DELETE FROM library_clips`);
  expect(found('fox')).toBe(0);
  // One clip per base and per clip id within a folder.
  const insert = (folder: string, base: string, id: string) =>
    db.run(
      `INSERT INTO library_clips (folder, base, clip_id, stamp, has_poster, haystack, prompt, model, mode, created_at, cost, favourite)
       VALUES (?, ?, ?, '1:1', 0, '', '', 'm', 'text', 1, -1, 0)`,
      folder,
      base,
      id,
    );
  insert('/lib', 'b', 'vid_1');
  insert('/other', 'b', 'vid_1');
  expect(() => insert('/lib', 'c', 'vid_1')).toThrow(/UNIQUE/);
});
