import { afterEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../../../../test/support/tempDatabase';
import { StorageError } from './database';

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

  it('never lets a durable change hide inside a write that does not wait for the disk', () => {
    temp = tempDatabase();
    const { db } = temp;
    expect(() => db.write(() => db.setMeta('a', 1), { durable: false })).toThrow(
      /durable write cannot join/,
    );
    db.write(() => db.setMeta('a', 1, { durable: false }), { durable: false });
    expect(db.getMeta('a')).toBe(1);
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
});
