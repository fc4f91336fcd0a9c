import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { newRecord } from '../engine/jobRecord';
import { JobRepository } from '../engine/jobRepository';
import { Ledger } from '../engine/ledger';
import { FIRST_KEY_ID } from '../../../shared/apiKeys';
import { listBackups } from './backups';
import type { AppDatabase } from './database';
import { migrations, NewerSchemaError, schemaVersion, type Migration } from './migrations';
import { openDatabase } from './openDatabase';
import { stringMatching } from '../../../../test/support/matchers';
import { insertJobRows } from '../../../../test/support/jobRepositoryKit';

const T0 = Date.UTC(2026, 10, 24, 9);
const request = {
  model: 'wan-2.6',
  prompt: 'p',
  mode: 'text' as const,
  durationSeconds: 5,
  inputImages: [],
};

/** Only the first schema: a database as the first release wrote it. */
const v1Only = migrations.slice(0, 1);
const latest = migrations.length;

/** What a next version could look like: one more column, filled from the JSON every row carries. */
const next: Migration = {
  version: latest + 1,
  up: (db) => {
    db.exec('ALTER TABLE jobs ADD COLUMN model TEXT');
    db.exec(`UPDATE jobs SET model = json_extract(data, '$.request.model')`);
  },
};

const open: AppDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.close()));
});

function v1WithJobs() {
  const dir = mkdtempSync(join(tmpdir(), 'airframe-migrate-'));
  const file = join(dir, 'airframe.db');
  const { db } = openDatabase({ file, now: () => T0, migrations: v1Only });
  db.run(
    `INSERT INTO ledger (kind, job_id, task_id, cents, at) VALUES ('debit', 'a', 't1', 200, ${T0})`,
  );
  insertJobRows(db, newRecord('a', request, 0, null), newRecord('b', request, 0, null));
  return { file, backups: join(dir, 'backups'), close: () => db.close() };
}

const openWith = (file: string, list: readonly Migration[]) => {
  const opened = openDatabase({ file, now: () => T0 + 1000, migrations: list });
  open.push(opened.db);
  return opened;
};

describe('migrations', () => {
  it('migrates v1 step by step to the newest after a backup of v1, and says where the backup is', async () => {
    const { file, backups, close } = v1WithJobs();
    await close();
    const { db, notices } = openWith(file, [...migrations, next]);
    expect(db.get('PRAGMA user_version')).toEqual({ user_version: latest + 1 });
    expect(db.all('SELECT id, model FROM jobs ORDER BY position')).toEqual([
      { id: 'a', model: 'wan-2.6' },
      { id: 'b', model: 'wan-2.6' },
    ]);
    // v2: demo spend is booked apart; what v1 booked was real money.
    expect(db.all('SELECT task_id, demo FROM ledger')).toEqual([{ task_id: 't1', demo: 0 }]);
    const backup = listBackups(backups).find((b) => b.reason === `before-v${latest + 1}`);
    expect(backup).toBeDefined();
    const copy = new DatabaseSync(backup!.path, { readOnly: true });
    expect(schemaVersion(copy)).toBe(1);
    expect(copy.prepare('SELECT COUNT(*) AS n FROM jobs').get()).toEqual({ n: 2 });
    copy.close();
    expect(notices).toEqual([
      {
        level: 'info',
        message: stringMatching(
          new RegExp(
            `^The job database was upgraded from v1 to v${latest + 1}; a copy as it was is kept at `,
          ),
        ),
        at: T0 + 1000,
      },
    ]);
  });

  it('leaves the database at v1, data intact, when a step fails', async () => {
    const { file, close } = v1WithJobs();
    await close();
    const broken: Migration = {
      version: 2,
      up: (db) => (db.exec('DROP TABLE jobs'), db.exec('SELECT nonsense()')),
    };
    expect(() => openWith(file, [...v1Only, broken])).toThrow(/nonsense/);
    const { db } = openWith(file, v1Only);
    expect(db.get('PRAGMA user_version')).toEqual({ user_version: 1 });
    expect(db.all('SELECT id FROM jobs ORDER BY position')).toEqual([{ id: 'a' }, { id: 'b' }]);
  });

  it('refuses a database from a newer Airframe and leaves it as it is', async () => {
    const { file, close } = v1WithJobs();
    await close();
    openWith(file, [...migrations, next]);
    expect(() => openWith(file, migrations)).toThrow(NewerSchemaError);
  });

  it('v5: the jobs a v4 database holds stay in the queue, none in the history', async () => {
    const { file, close } = v1WithJobs();
    await close();
    openWith(file, migrations.slice(0, 4));
    const { db } = openWith(file, migrations.slice(0, 5));
    expect(db.get('PRAGMA user_version')).toEqual({ user_version: 5 });
    const repo = new JobRepository(db);
    expect(repo.all().map((r) => r.id)).toEqual(['a', 'b']);
    expect(repo.history.search({ query: '', offset: 0, limit: 10 }).total).toBe(0);
    expect(db.all('SELECT cleared_at FROM jobs')).toEqual([
      { cleared_at: null },
      { cleared_at: null },
    ]);
  });

  it('v6: a v5 database gains an empty batches table, and its jobs belong to no batch', async () => {
    const { file, close } = v1WithJobs();
    await close();
    openWith(file, migrations.slice(0, 5));
    const { db } = openWith(file, migrations.slice(0, 6));
    expect(db.get('PRAGMA user_version')).toEqual({ user_version: 6 });
    expect(db.all('SELECT * FROM batches')).toEqual([]);
    expect(new JobRepository(db).all().map((r) => [r.id, r.batch])).toEqual([
      ['a', null],
      ['b', null],
    ]);
    expect(() =>
      db.run(
        "INSERT INTO batches (id, name, on_failure, size, created_at) VALUES ('x', 'n', 'maybe', 1, 0)",
      ),
    ).toThrow(/CHECK/);
  });

  it('v7: the ledger of a v6 database keeps its rows, each the first key’s (issue 18)', async () => {
    const { file, close } = v1WithJobs();
    await close();
    openWith(file, migrations.slice(0, 6));
    const { db } = openWith(file, migrations);
    expect(db.get('PRAGMA user_version')).toEqual({ user_version: 7 });
    expect(db.all('SELECT task_id, key_id FROM ledger')).toEqual([{ task_id: 't1', key_id: null }]);
    const ledger = new Ledger(db);
    expect(ledger.spentBy(FIRST_KEY_ID, T0).totalCents).toBe(200);
    expect(ledger.spentBy('other', T0).totalCents).toBe(0);
  });

  it('makes no backup for a database it has just created', () => {
    const dir = mkdtempSync(join(tmpdir(), 'airframe-migrate-'));
    openWith(join(dir, 'airframe.db'), [...migrations, next]);
    expect(listBackups(join(dir, 'backups'))).toEqual([]);
  });
});
