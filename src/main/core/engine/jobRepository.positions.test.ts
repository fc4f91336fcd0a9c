import { describe, expect, it } from 'vitest';
import { jobRecord, useJobRepositories } from '../../../../test/support/jobRepositoryKit';
import type { AppDatabase } from '../db/database';
import { JobRepository, POSITION_GAP } from './jobRepository';

const repoWith = useJobRepositories();

const ids = (repo: JobRepository) => repo.all().map((r) => r.id);
const stored = (db: AppDatabase) =>
  db.all<{ id: string; position: number | null }>(
    'SELECT id, position FROM jobs ORDER BY position, id',
  );
const record = (id: string) => JSON.stringify(jobRecord(id));

describe('JobRepository positions and reads', () => {
  it('puts a moved job at the midpoint of its new neighbours, before the first, or after the last', () => {
    const { repo, db } = repoWith('a', 'b', 'c');
    repo.move('c', 'up');
    expect(stored(db)).toEqual([
      { id: 'a', position: POSITION_GAP },
      { id: 'c', position: 1.5 * POSITION_GAP },
      { id: 'b', position: 2 * POSITION_GAP },
    ]);
    repo.move('a', 'down');
    expect(stored(db).find((r) => r.id === 'a')?.position).toBe(1.75 * POSITION_GAP);
    repo.move('b', 'top');
    expect(stored(db).find((r) => r.id === 'b')?.position).toBe(0.5 * POSITION_GAP);
    repo.move('c', 'down');
    expect(stored(db)).toEqual([
      { id: 'b', position: 0.5 * POSITION_GAP },
      { id: 'a', position: 1.75 * POSITION_GAP },
      { id: 'c', position: 2.75 * POSITION_GAP },
    ]);
  });

  it('keeps every job in a place of its own, and spreads them out again when a gap runs out', () => {
    const { repo, db, reopen } = repoWith('a', 'b', 'c', 'd');
    for (let i = 0; i < 120; i++) repo.move(i % 2 === 0 ? 'c' : 'b', 'up');
    const positions = stored(db).map((r) => r.position);
    expect(new Set(positions).size).toBe(4);
    expect(positions.every((p) => typeof p === 'number')).toBe(true);
    // Spreading out writes every job at a multiple of the gap, in queue order.
    const spread = stored(db).filter((r) => (r.position ?? 0) % POSITION_GAP === 0);
    expect(spread.length).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < 40; i++) repo.move(i % 3 === 0 ? 'd' : 'b', i % 2 === 0 ? 'up' : 'top');
    expect(ids(reopen())).toEqual(ids(repo));
    expect(stored(db).map((r) => r.id)).toEqual(ids(repo));
  });

  it('spreads the queue out at exact multiples of the gap when two neighbours leave no room', () => {
    const { repo, db, reopen } = repoWith('a', 'b', 'c');
    db.write(() => db.run('UPDATE jobs SET position = ? WHERE id = ?', 1024 + 2 ** -42, 'b'));
    const repo2 = reopen();
    expect(repo2.move('c', 'up')).toBe(true);
    expect(stored(db)).toEqual([
      { id: 'a', position: POSITION_GAP },
      { id: 'c', position: 2 * POSITION_GAP },
      { id: 'b', position: 3 * POSITION_GAP },
    ]);
    expect(repo2.move('b', 'up')).toBe(true);
    expect(stored(db).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(ids(repo)).toEqual(['a', 'b', 'c']);
  });

  it('after a restart, knows where each job stands: a new job goes last, a move lands between its neighbours', () => {
    const { reopen } = repoWith('b', 'c');
    const repo = reopen();
    repo.add(jobRecord('a'));
    expect(ids(reopen())).toEqual(['b', 'c', 'a']);
    const again = reopen();
    again.move('a', 'up');
    expect(ids(reopen())).toEqual(['b', 'a', 'c']);
  });

  it('reads the queue row by row when one row is JSON but no job, and sets that row aside', () => {
    const { db, reopen } = repoWith('a', 'b');
    db.write(() =>
      db.run(
        `INSERT INTO jobs (id, position, status, task_id, updated_at, data) VALUES ('x', 1500, 'queued', NULL, 0, '{"id":"x","status":"flying"}')`,
      ),
    );
    const repo = reopen();
    expect(ids(repo)).toEqual(['a', 'b']);
    expect(db.setAsideRows('jobs').map((r) => r.key)).toEqual(['x']);
  });

  it('sets aside a last row whose data holds two records, rather than reading past the queue', () => {
    const { db, reopen } = repoWith('a');
    db.write(() =>
      db.run(
        `INSERT INTO jobs (id, position, status, task_id, updated_at, data) VALUES ('z', 9000, 'queued', NULL, 0, ?)`,
        `${record('z')},${record('z')}`,
      ),
    );
    const repo = reopen();
    expect(ids(repo)).toEqual(['a']);
    expect(db.setAsideRows('jobs').map((r) => r.key)).toEqual(['z']);
  });

  it('a start that cannot write leaves an unreadable job where it is and says why', () => {
    const { db, reopenDb } = repoWith('a');
    db.write(() =>
      db.run(
        `INSERT INTO jobs (id, position, status, task_id, updated_at, data) VALUES ('x', 5000, 'queued', NULL, 0, '{')`,
      ),
    );
    const readOnly = reopenDb();
    readOnly.run('PRAGMA query_only = 1');
    const repo = new JobRepository(readOnly);
    expect(ids(repo)).toEqual(['a']);
    expect(repo.warnings).toEqual([
      expect.stringMatching(
        /^1 stored job could not be read; they stay in the database unread \(.+\)\.$/,
      ) as unknown,
    ]);
    expect(stored(db).map((r) => r.id)).toEqual(['a', 'x']);
  });

  it('one unreadable row under the current schema does not make the start check every row with the schema', () => {
    const { db, reopen } = repoWith('a');
    const unchecked = JSON.stringify({ ...jobRecord('b'), costCents: -5 });
    db.write(() => {
      db.run(
        `INSERT INTO jobs (id, position, status, task_id, updated_at, data) VALUES ('b', 5000, 'queued', NULL, 0, ?)`,
        unchecked,
      );
      db.run(
        `INSERT INTO jobs (id, position, status, task_id, updated_at, data) VALUES ('x', 6000, 'queued', NULL, 0, '{')`,
      );
    });
    expect(ids(reopen())).toEqual(['a', 'b']);
    expect(db.setAsideRows('jobs').map((r) => r.key)).toEqual(['x']);
  });
});
