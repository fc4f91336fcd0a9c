import { describe, expect, it } from 'vitest';
import {
  jobRecord,
  jobRequest,
  useJobRepositories,
} from '../../../../test/support/jobRepositoryKit';
import type { AppDatabase } from '../db/database';
import type { JobRepository } from './jobRepository';
import { POSITION_GAP } from './jobRepository';
import { SHAPE_KEY } from './jobRows';

const repoWith = useJobRepositories();

const ids = (repo: JobRepository) => repo.all().map((r) => r.id);
const commits = (db: AppDatabase) => ({ ...db.stats });
const positions = (db: AppDatabase) =>
  db.all<{ id: string; position: number }>('SELECT id, position FROM jobs ORDER BY position, id');

describe('JobRepository writes', () => {
  it('waits for the disk for an edit and for running past the budget, not for a change that repeats the task id', () => {
    const { repo, db, reopen } = repoWith('a', 'b');
    let before = commits(db).durableCommits;
    repo.update('a', { request: { ...jobRequest, prompt: 'edited' } }, 1);
    repo.update('b', { status: 'held', holdReason: 'budget' }, 2);
    repo.update('b', { pastBudget: true }, 3);
    expect(commits(db).durableCommits - before).toBe(2);
    repo.update('a', { status: 'submitting' }, 4);
    repo.update('a', { status: 'remote-queued', taskId: 'vid_1' }, 5);
    before = commits(db).durableCommits;
    repo.update('a', { status: 'running', taskId: 'vid_1' }, 6);
    expect(commits(db).durableCommits - before).toBe(0);
    expect(reopen().get('a')).toMatchObject({
      status: 'running',
      taskId: 'vid_1',
      request: { prompt: 'edited' },
    });
  });

  it('keeps a progress tick in memory only, and writes a change that carries progress with something else', () => {
    const { repo, db, reopen } = repoWith('a');
    repo.update('a', { status: 'submitting' }, 1);
    repo.update('a', { status: 'running', taskId: 'vid_1' }, 2);
    const before = commits(db);
    expect(repo.update('a', { progress: 30 }, 3)).toMatchObject({ progress: 30, updatedAt: 3 });
    expect(repo.all()[0]).toMatchObject({ progress: 30 });
    expect(commits(db)).toEqual(before);
    repo.update('a', { progress: 100, status: 'completed' }, 4);
    expect(reopen().get('a')).toMatchObject({ status: 'completed', progress: 100, updatedAt: 4 });
  });

  it('refuses a change to a job it does not have', () => {
    const { repo } = repoWith('a');
    expect(() => repo.update('nope', { progress: 1 }, 1)).toThrow('No job nope');
  });

  it('removes a job for good, and removing one it does not have writes nothing', () => {
    const { repo, db, reopen } = repoWith('a', 'b', 'c');
    repo.remove('b');
    expect(ids(repo)).toEqual(['a', 'c']);
    expect(repo.get('b')).toBeUndefined();
    expect(ids(reopen())).toEqual(['a', 'c']);
    const before = commits(db);
    repo.remove('b');
    expect(commits(db)).toEqual(before);
    expect(repo.move('b', 'top')).toBe(false);
  });

  it('appends new jobs after the last one, however the queue was moved', () => {
    const { repo, db, reopen } = repoWith('a', 'b', 'c');
    expect(positions(db).map((r) => r.position)).toEqual([1, 2, 3].map((n) => n * POSITION_GAP));
    expect(repo.move('c', 'top')).toBe(true);
    expect(repo.move('a', 'down')).toBe(true);
    repo.add(jobRecord('d'), jobRecord('e'));
    expect(ids(repo)).toEqual(['c', 'b', 'a', 'd', 'e']);
    expect(ids(reopen())).toEqual(['c', 'b', 'a', 'd', 'e']);
  });

  it('moves a held job too, but not a job past the queue, nor one that is already where it would go', () => {
    const { repo, reopen } = repoWith('a', 'b', 'c');
    repo.update('b', { status: 'held', holdReason: 'balance' }, 1);
    expect(repo.move('b', 'up')).toBe(true);
    expect(repo.move('b', 'top')).toBe(false);
    expect(repo.move('b', 'up')).toBe(false);
    expect(repo.move('c', 'down')).toBe(false);
    expect(repo.move('c', 'up')).toBe(true);
    expect(ids(repo)).toEqual(['b', 'c', 'a']);
    repo.update('b', { status: 'queued' }, 2);
    repo.update('b', { status: 'submitting' }, 3);
    expect(repo.move('b', 'down')).toBe(false);
    expect(repo.move('a', 'top')).toBe(true);
    expect(ids(repo)).toEqual(['b', 'a', 'c']);
    expect(ids(reopen())).toEqual(['b', 'a', 'c']);
  });

  it('makes what was written without waiting durable when asked to flush', () => {
    const { repo, db } = repoWith('a');
    repo.update('a', { status: 'held', holdReason: 'balance' }, 1);
    const before = commits(db).durableCommits;
    repo.flush();
    expect(commits(db).durableCommits).toBe(before + 1);
    repo.flush();
    expect(commits(db).durableCommits).toBe(before + 1);
  });

  it('reads the queue in position order, ties by id, when it checks every row', () => {
    const { db, reopen } = repoWith();
    const insert = (id: string, position: number) =>
      db.write(() =>
        db.run(
          'INSERT INTO jobs (id, position, status, task_id, updated_at, data) VALUES (?, ?, ?, NULL, 0, ?)',
          id,
          position,
          'queued',
          JSON.stringify(jobRecord(id)),
        ),
      );
    insert('z', 3000);
    insert('y', 1000);
    insert('b', 2000);
    insert('a', 2000);
    db.setMeta(SHAPE_KEY, 'another');
    const repo = reopen();
    expect(ids(repo)).toEqual(['y', 'a', 'b', 'z']);
    repo.add(jobRecord('n'));
    expect(ids(reopen())).toEqual(['y', 'a', 'b', 'z', 'n']);
  });

  it('sets one unreadable job aside and says so in the singular', () => {
    const { db, reopen } = repoWith('a');
    db.write(() =>
      db.run(
        `INSERT INTO jobs (id, position, status, task_id, updated_at, data) VALUES ('x', 5000, 'queued', NULL, 0, '{')`,
      ),
    );
    expect(reopen().warnings).toEqual(['1 stored job could not be read and was set aside.']);
  });
});
