import { afterEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../../../../test/support/tempDatabase';
import { newRecord } from '../engine/jobRecord';
import { JobRepository } from '../engine/jobRepository';
import { Ledger } from '../engine/ledger';
import type { KeyValueStore } from '../ports';
import { MemoryStore } from '../stores/memoryStore';
import { importLegacyStore, LEGACY_KEYS } from './legacyImport';

const T0 = new Date(2026, 10, 24, 12).getTime();
const request = {
  model: 'wan-2.6',
  prompt: 'p',
  mode: 'text' as const,
  durationSeconds: 5,
  inputImages: [],
};
const job = (id: string, status = 'queued') => ({ ...newRecord(id, request, 0, null), status });
const debit = (taskId: string, cents: number) => ({
  kind: 'debit',
  jobId: `job-${taskId}`,
  taskId,
  cents,
  at: T0,
});

let temp: ReturnType<typeof tempDatabase> | undefined;
afterEach(async () => temp?.closeAll());

function oldStore(values: Record<string, unknown>): MemoryStore {
  const store = new MemoryStore();
  for (const [key, value] of Object.entries(values)) store.set(key, value);
  store.set('settings.v2', { keep: 'me' });
  return store;
}

const importFrom = (store: KeyValueStore) =>
  (temp = tempDatabase({ legacy: store, now: () => T0 }));

describe('moving the old key-value data into the database', () => {
  it('moves jobs (in order), the ledger and the paused flag, then deletes only those keys', () => {
    const store = oldStore({
      [LEGACY_KEYS.jobs]: [job('b'), job('a', 'submitting')],
      [LEGACY_KEYS.ledger]: [
        debit('t1', 320),
        { ...debit('t1', 320), kind: 'refund' },
        debit('t2', 100),
      ],
      [LEGACY_KEYS.paused]: true,
    });
    const { db, notices } = importFrom(store);
    expect(new JobRepository(db).all().map((r) => [r.id, r.status])).toEqual([
      ['b', 'queued'],
      ['a', 'submitting'],
    ]);
    expect(new Ledger(db).totals(T0)).toMatchObject({ todayCents: 100, refundsCents: 320 });
    expect(db.getMeta('engine.paused')).toBe(true);
    expect(notices).toEqual([
      {
        level: 'info',
        message: 'Moved 2 jobs and 3 ledger entries into the new job database.',
        at: T0,
      },
    ]);
    for (const key of Object.values(LEGACY_KEYS)) expect(store.get(key)).toBeUndefined();
    expect(store.get('settings.v2')).toEqual({ keep: 'me' });
  });

  it('keeps the other ledger entries when one cannot be read, so the budget still counts them', () => {
    const store = oldStore({
      [LEGACY_KEYS.ledger]: [debit('t1', 300), { kind: 'debit', cents: 'lots' }, debit('t2', 200)],
    });
    const { db, notices } = importFrom(store);
    expect(new Ledger(db).totals(T0).todayCents).toBe(500);
    expect(db.setAsideRows('ledger')).toEqual([
      expect.objectContaining({ raw: '{"kind":"debit","cents":"lots"}' }),
    ]);
    expect(notices.map((n) => [n.level, n.message])).toContainEqual([
      'warning',
      '1 ledger entry could not be read and was set aside; the spending totals leave it out.',
    ]);
  });

  it('sets aside a job list that is not a list, whole, instead of overwriting it', () => {
    const store = oldStore({ [LEGACY_KEYS.jobs]: { '0': job('a') } });
    const { db, notices } = importFrom(store);
    expect(new JobRepository(db).all()).toEqual([]);
    expect(db.setAsideRows('jobs')).toEqual([
      expect.objectContaining({
        key: LEGACY_KEYS.jobs,
        raw: JSON.stringify({ '0': job('a') }),
        reason: 'the stored job list is not a list',
      }),
    ]);
    expect(notices.map((n) => n.message)).toContain(
      'The stored job list was not a list; it was set aside whole, not overwritten.',
    );
    expect(store.get(LEGACY_KEYS.jobs)).toBeUndefined();
  });

  it('sets aside each job it cannot read, and those an earlier version had set aside', () => {
    const store = oldStore({
      [LEGACY_KEYS.jobs]: [job('a'), { id: 'broken', status: 'flying' }, job('a')],
      [LEGACY_KEYS.unreadable]: [{ id: 'older', oops: true }],
    });
    const { db, notices } = importFrom(store);
    expect(new JobRepository(db).all().map((r) => r.id)).toEqual(['a']);
    expect(db.setAsideRows('jobs').map((r) => r.key)).toEqual(['broken', 'a', 'older']);
    expect(db.setAsideRows('jobs').map((r) => r.reason)).toEqual([
      expect.stringContaining('status: Invalid option'),
      'a second job with the same id',
      'set aside by an earlier version',
    ]);
    expect(notices.map((n) => n.message)).toEqual([
      'Moved 1 job and 0 ledger entries into the new job database.',
      '2 stored jobs could not be read and were set aside.',
      '1 job an earlier version could not read is kept aside in the database.',
    ]);
  });

  it('changes nothing, and keeps the old keys, when the import cannot be written', () => {
    temp = tempDatabase({ now: () => T0 });
    const { page_count } = temp.db.get<{ page_count: number }>('PRAGMA page_count')!;
    temp.db.run(`PRAGMA max_page_count = ${page_count}`);
    const many = Array.from({ length: 200 }, (_, i) => job(`j${i}`));
    const store = oldStore({ [LEGACY_KEYS.jobs]: many });
    expect(() => importLegacyStore(temp!.db, store, T0)).toThrow(/disk holding its data is full/);
    expect(store.get(LEGACY_KEYS.jobs)).toHaveLength(200);
    expect(temp.db.all('SELECT id FROM jobs')).toEqual([]);
  });

  it('only deletes the old keys when an earlier import committed but did not get to delete them', () => {
    const store = oldStore({ [LEGACY_KEYS.jobs]: [job('a')] });
    const { reopen } = importFrom(store);
    store.set(LEGACY_KEYS.jobs, [job('a'), job('b')]);
    const again = reopen({ legacy: store });
    expect(again.notices).toEqual([]);
    expect(new JobRepository(again.db).all().map((r) => r.id)).toEqual(['a']);
    expect(store.get(LEGACY_KEYS.jobs)).toBeUndefined();
  });
});
