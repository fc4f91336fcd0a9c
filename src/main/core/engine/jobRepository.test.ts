import { describe, expect, it } from 'vitest';
import {
  jobRecord,
  jobRequest,
  useJobRepositories,
} from '../../../../test/support/jobRepositoryKit';
import type { AppDatabase } from '../db/database';
import { StorageError } from '../db/connection';
import { newRecord } from './jobRecord';
import { recordShape, SHAPE_KEY } from './jobRows';
import { stringContaining } from '../../../../test/support/matchers';

const repoWith = useJobRepositories();

const stored = (db: AppDatabase) =>
  db.all<{ id: string; status: string; task_id: string | null; position: number }>(
    'SELECT id, status, task_id, position FROM jobs ORDER BY position',
  );

/** Makes every write that needs one more page fail with SQLITE_FULL, as a full disk does. */
function fillDisk(db: AppDatabase) {
  const { page_count } = db.get<{ page_count: number }>('PRAGMA page_count')!;
  db.run(`PRAGMA max_page_count = ${page_count}`);
}

describe('JobRepository', () => {
  it('moves waiting jobs up, down and to the top, past jobs already submitted, and keeps the order', () => {
    const { repo, reopen } = repoWith('a', 'b', 'c', 'd');
    repo.update('a', { status: 'submitting' }, 1);
    expect(repo.move('d', 'top')).toBe(true);
    expect(repo.all().map((r) => r.id)).toEqual(['a', 'd', 'b', 'c']);
    expect(repo.move('b', 'down')).toBe(true);
    expect(repo.move('d', 'up')).toBe(false);
    expect(repo.move('a', 'down')).toBe(false);
    expect(repo.all().map((r) => r.id)).toEqual(['a', 'd', 'c', 'b']);
    expect(
      reopen()
        .all()
        .map((r) => r.id),
    ).toEqual(['a', 'd', 'c', 'b']);
  });

  it('moves a job by writing its own row only', () => {
    const { repo, db } = repoWith(...Array.from({ length: 50 }, (_, i) => `j${i}`));
    const before = new Map(stored(db).map((r) => [r.id, r.position]));
    repo.move('j49', 'top');
    const changed = stored(db).filter((r) => before.get(r.id) !== r.position);
    expect(changed.map((r) => r.id)).toEqual(['j49']);
    expect(stored(db)[0]?.id).toBe('j49');
  });

  it('keeps the order when the room between two jobs runs out (many moves into one place)', () => {
    const { repo, reopen } = repoWith('a', 'b', 'c');
    for (let i = 0; i < 120; i++) repo.move(i % 2 === 0 ? 'c' : 'b', 'up');
    const order = repo.all().map((r) => r.id);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(
      reopen()
        .all()
        .map((r) => r.id),
    ).toEqual(order);
  });

  it('writes status changes but not progress ticks', () => {
    const { repo, reopen } = repoWith('a');
    repo.update('a', { status: 'submitting' }, 1);
    repo.update('a', { status: 'remote-queued' }, 2);
    repo.update('a', { status: 'running' }, 3);
    repo.update('a', { progress: 40 }, 4);
    expect(repo.get('a')?.progress).toBe(40);
    expect(reopen().get('a')).toMatchObject({ status: 'running', progress: null, updatedAt: 3 });
  });

  it('waits for the disk for what guards money, and only for that', () => {
    const { repo, db } = repoWith('a', 'b');
    const durable = () => db.stats.durableCommits;
    let before = durable();
    repo.update('a', { status: 'submitting' }, 1);
    repo.update('a', { status: 'remote-queued', taskId: 'vid_1' }, 2);
    expect(durable() - before).toBe(2);
    before = durable();
    repo.update('a', { status: 'running' }, 3);
    repo.update('a', { status: 'completed' }, 4);
    expect(durable() - before).toBe(0);
    expect(stored(db)[0]).toMatchObject({ status: 'completed', task_id: 'vid_1' });
    repo.update('b', { status: 'cancelled' }, 5);
    repo.update('a', { status: 'downloading' }, 6);
    repo.update('a', { status: 'saved' }, 7);
    expect(durable() - before).toBe(2);
  });

  it('refuses an impossible transition', () => {
    const { repo } = repoWith('a');
    expect(() => repo.update('a', { status: 'completed' }, 1)).toThrow(/queued to completed/);
  });

  it('reads a row written before a field was added, with the field’s default, and rewrites it once', () => {
    const { db, reopen } = repoWith();
    const { looks: _l, lookAt: _la, check: _c, ...old } = jobRecord('old');
    // As an Airframe whose records had no such fields left it.
    db.write(() =>
      db.run(
        `INSERT INTO jobs (id, position, status, task_id, updated_at, data) VALUES ('old', 1, 'queued', NULL, 0, ?)`,
        JSON.stringify(old),
      ),
    );
    db.setMeta(SHAPE_KEY, 'the schema of an earlier version');
    expect(reopen().get('old')).toMatchObject({ id: 'old', looks: 0, lookAt: null, check: null });
    expect(db.getMeta(SHAPE_KEY)).toBe(recordShape());
    const data: unknown = JSON.parse(
      db.get<{ data: string }>(`SELECT data FROM jobs WHERE id = 'old'`)!.data,
    );
    expect(data).toMatchObject({ looks: 0, lookAt: null, check: null });
  });

  it('checks every row with the schema while the schema is not the one they were written under', () => {
    const { db, reopen } = repoWith('a');
    expect(db.getMeta(SHAPE_KEY)).toBe(recordShape());
    const bad = { ...jobRecord('b'), costCents: -5 };
    db.write(() =>
      db.run(
        `INSERT INTO jobs (id, position, status, task_id, updated_at, data) VALUES ('b', 5000, 'queued', NULL, 0, ?)`,
        JSON.stringify(bad),
      ),
    );
    // Under the same schema the row passes the quick look (written by this version)…
    expect(
      reopen()
        .all()
        .map((r) => r.id),
    ).toEqual(['a', 'b']);
    // …under another, the schema itself reads it, and sets it aside.
    db.setMeta(SHAPE_KEY, 'another');
    const repo = reopen();
    expect(repo.all().map((r) => r.id)).toEqual(['a']);
    expect(db.setAsideRows('jobs')[0]).toMatchObject({
      key: 'b',
      reason: stringContaining('costCents'),
    });
  });

  it('sets aside stored jobs it cannot read instead of dropping them', () => {
    const { db, reopen } = repoWith('a');
    db.write(() => {
      db.run(
        `INSERT INTO jobs (id, position, status, task_id, updated_at, data) VALUES ('broken', 5000, 'flying', NULL, 0, '{"id":"broken","status":"flying"}')`,
      );
      db.run(
        `INSERT INTO jobs (id, position, status, task_id, updated_at, data) VALUES ('garbled', 6000, 'queued', NULL, 0, '{"id":"garb')`,
      );
    });
    const repo = reopen();
    expect(repo.all().map((r) => r.id)).toEqual(['a']);
    expect(repo.warnings).toEqual(['2 stored jobs could not be read and were set aside.']);
    expect(db.setAsideRows('jobs').map((r) => [r.key, r.raw])).toEqual([
      ['broken', '{"id":"broken","status":"flying"}'],
      ['garbled', '{"id":"garb'],
    ]);
    expect(stored(db).map((r) => r.id)).toEqual(['a']);
    expect(reopen().warnings).toEqual([]);
  });

  it('adds several jobs in one transaction: one that cannot be written, and none is added', () => {
    const { repo, reopen } = repoWith('a');
    expect(() => repo.add(jobRecord('b'), jobRecord('a'))).toThrow();
    expect(repo.all().map((r) => r.id)).toEqual(['a']);
    expect(
      reopen()
        .all()
        .map((r) => r.id),
    ).toEqual(['a']);
  });

  it('with the disk full, a change throws in words and changes nothing, in memory or on disk', () => {
    const { repo, db, reopen } = repoWith('a');
    fillDisk(db);
    const many = Array.from({ length: 40 }, (_, i) =>
      newRecord(`n${i}`, { ...jobRequest, prompt: 'x'.repeat(500) }, 0, null),
    );
    expect(() => repo.add(...many)).toThrow(StorageError);
    expect(() => repo.add(...many)).toThrow(/disk holding its data is full/);
    expect(repo.all().map((r) => r.id)).toEqual(['a']);
    expect(
      reopen()
        .all()
        .map((r) => r.id),
    ).toEqual(['a']);
  });
});
