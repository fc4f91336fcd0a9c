import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../../../../test/support/tempDatabase';
import { newRecord } from '../engine/jobRecord';
import { JobRepository } from '../engine/jobRepository';
import { listBackups } from './backups';
import { StorageError } from './connection';

let temp: ReturnType<typeof tempDatabase>;
afterEach(async () => temp?.closeAll());

describe('AppDatabase', () => {
  it('commits a write whole, or rolls it all back when it throws', () => {
    temp = tempDatabase();
    const { db } = temp;
    expect(() =>
      db.write(() => {
        db.setMeta('a', 1);
        db.setMeta('b', 2);
        throw new Error('changed my mind');
      }),
    ).toThrow('changed my mind');
    expect([db.getMeta('a'), db.getMeta('b')]).toEqual([undefined, undefined]);
    db.write(() => {
      db.setMeta('a', 1);
      db.setMeta('b', { two: [2] });
    });
    expect(temp.reopen().db.getMeta('b')).toEqual({ two: [2] });
  });

  it('makes a durable change durable even inside a write that does not wait for the disk', () => {
    temp = tempDatabase();
    const { db } = temp;
    const before = db.stats.durableCommits;
    db.write(() => db.setMeta('a', 1), { durable: false });
    expect(db.stats.durableCommits - before).toBe(1);
    db.write(() => db.setMeta('b', 1, { durable: false }), { durable: false });
    expect(db.stats.durableCommits - before).toBe(1);
    expect([db.getMeta('a'), db.getMeta('b')]).toEqual([1, 1]);
  });

  it('makes writes that did not wait durable when asked (sync), with one durable commit', () => {
    temp = tempDatabase();
    const { db } = temp;
    db.setMeta('progress', 1, { durable: false });
    const before = db.stats.durableCommits;
    db.sync();
    db.sync();
    expect(db.stats.durableCommits - before).toBe(1);
  });

  it('turns a full disk into a StorageError in words', () => {
    temp = tempDatabase();
    const { db } = temp;
    const { page_count } = db.get<{ page_count: number }>('PRAGMA page_count')!;
    db.run(`PRAGMA max_page_count = ${page_count}`);
    const fill = () => db.write(() => db.setMeta('big', 'x'.repeat(100_000)));
    expect(fill).toThrow(StorageError);
    expect(fill).toThrow(
      'Airframe could not save this change: the disk holding its data is full — free some space and try again. Nothing was changed.',
    );
    expect(db.getMeta('big')).toBeUndefined();
  });

  it('sets aside a meta value it cannot read, and keeps it', () => {
    temp = tempDatabase();
    const { db } = temp;
    db.write(() => db.run(`INSERT INTO meta (key, value) VALUES ('engine.paused', '{tru')`));
    expect(db.getMeta('engine.paused')).toBeUndefined();
    expect(db.setAsideRows('meta')).toEqual([
      expect.objectContaining({ key: 'engine.paused', raw: '{tru' }),
    ]);
  });

  it('makes one backup at a time, readable, while the app keeps writing', async () => {
    let now = Date.UTC(2026, 10, 24, 9);
    temp = tempDatabase({ now: () => now });
    const { db } = temp;
    const repo = new JobRepository(db);
    const request = {
      model: 'wan-2.6',
      prompt: 'x'.repeat(300),
      mode: 'text' as const,
      durationSeconds: 5,
      inputImages: [],
    };
    repo.add(...Array.from({ length: 5_000 }, (_, i) => newRecord(`j${i}`, request, 0, null)));
    await db.backUpIfDue();
    now += 2 * 86_400_000;
    let writes = 0;
    const writing = setInterval(() => {
      // Each commit also asks for the daily backup, which is due: it must not start a second.
      for (let i = 0; i < 20; i++) repo.update(`j${writes++ % 5_000}`, { attemptAt: writes }, now);
    }, 0);
    const made = await db.backUp();
    clearInterval(writing);
    await db.backUpIfDue();
    expect(writes).toBeGreaterThan(0);
    expect(listBackups(join(temp.dir, 'backups')).map((b) => b.at)).toEqual([
      now,
      now - 2 * 86_400_000,
    ]);
    const copy = new DatabaseSync(made.path, { readOnly: true });
    expect(copy.prepare('PRAGMA quick_check').get()).toEqual({ quick_check: 'ok' });
    expect(copy.prepare('SELECT COUNT(*) AS n FROM jobs').get()).toEqual({ n: 5_000 });
    copy.close();
  });
});
