import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { backUp, backupName, backUpSync, listBackups } from './backups';
import { connect } from './connection';

const T0 = Date.UTC(2026, 10, 24, 9);

function source() {
  const dir = mkdtempSync(join(tmpdir(), 'airframe-backups-'));
  const db = connect(join(dir, 'airframe.db'));
  db.exec("CREATE TABLE t (x TEXT); INSERT INTO t VALUES ('kept')");
  return { db, dir, backups: join(dir, 'backups') };
}

const rowsOf = (path: string) => {
  const copy = new DatabaseSync(path, { readOnly: true });
  try {
    return copy
      .prepare('SELECT x FROM t')
      .all()
      .map((r) => r['x']);
  } finally {
    copy.close();
  }
};

describe('backups', () => {
  it('copies the open database with VACUUM INTO, and with Node’s online backup, under a dated name', async () => {
    const { db, backups } = source();
    const vacuumed = backUpSync(db, backups, T0, 'before-v2');
    db.exec("INSERT INTO t VALUES ('later')");
    const online = await backUp(db, backups, T0 + 1000, 'daily');
    const fallback = await backUp(db, backups, T0 + 2000, 'daily', undefined);
    expect(rowsOf(vacuumed.path)).toEqual(['kept']);
    expect(rowsOf(online.path)).toEqual(['kept', 'later']);
    expect(rowsOf(fallback.path)).toEqual(['kept', 'later']);
    expect(vacuumed.path).toBe(join(backups, 'airframe-2026-11-24T09-00-00-000Z-before-v2.db'));
    expect(listBackups(backups).map((b) => [b.at - T0, b.reason])).toEqual([
      [2000, 'daily'],
      [1000, 'daily'],
      [0, 'before-v2'],
    ]);
    expect(readdirSync(backups).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    db.close();
  });

  it('makes the copy at once when the online backup gives up', async () => {
    const { db, backups } = source();
    const refusing = () =>
      Promise.reject(
        Object.assign(new Error('not an error'), { code: 'ERR_SQLITE_ERROR', errcode: 0 }),
      );
    const made = await backUp(db, backups, T0, 'daily', refusing);
    expect(rowsOf(made.path)).toEqual(['kept']);
    expect(readdirSync(backups)).toEqual([backupName(T0, 'daily')]);
    db.close();
  });

  it('keeps the newest five, and ignores files that are not its backups', () => {
    const { db, backups } = source();
    for (let i = 0; i < 7; i++) backUpSync(db, backups, T0 + i * 86_400_000, 'daily');
    writeFileSync(join(backups, `${backupName(T0 - 1, 'daily')}.tmp`), 'half a backup');
    writeFileSync(join(backups, 'notes.txt'), 'mine');
    expect(listBackups(backups).map((b) => (b.at - T0) / 86_400_000)).toEqual([6, 5, 4, 3, 2]);
    expect(readdirSync(backups)).toContain('notes.txt');
    db.close();
  });
});
