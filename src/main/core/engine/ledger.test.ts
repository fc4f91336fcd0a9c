import { afterEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../../../../test/support/tempDatabase';
import { StorageError } from '../db/connection';
import { Ledger } from './ledger';

const day = (d: number, h = 12) => new Date(2026, 10, d, h).getTime();

let temp: ReturnType<typeof tempDatabase>;
afterEach(async () => temp?.closeAll());

function fresh() {
  temp = tempDatabase();
  return { ledger: new Ledger(temp.db), db: temp.db, reopen: () => new Ledger(temp.reopen().db) };
}

describe('Ledger', () => {
  it('counts a task’s debit and refund once each, however often they are reported', () => {
    const { ledger } = fresh();
    expect(ledger.debit('j1', 't1', 320, day(24))).toBe(true);
    expect(ledger.debit('j1', 't1', 320, day(24))).toBe(false);
    expect(ledger.refund('j1', 't1', 320, day(24))).toBe(true);
    expect(ledger.refund('j1', 't1', 320, day(24))).toBe(false);
    expect(ledger.totals(day(24))).toEqual({
      todayCents: 0,
      monthCents: 0,
      totalCents: 0,
      refundsCents: 320,
      todayRefundsCents: 320,
      demoCents: 0,
    });
  });

  it('refunds the amount it is given, never more than was debited, and never what was not debited', () => {
    const { ledger } = fresh();
    expect(ledger.refund('j1', 'unknown', 320, day(24))).toBe(false);
    ledger.debit('j1', 'partial', 400, day(24));
    ledger.debit('j2', 'over', 100, day(24));
    expect(ledger.refund('j1', 'partial', 150, day(24))).toBe(true);
    expect(ledger.refund('j2', 'over', 900, day(24))).toBe(true);
    expect(ledger.debitedCents('partial')).toBe(400);
    expect(ledger.refundedCents('partial')).toBe(150);
    expect(ledger.refundedCents('over')).toBe(100);
    expect(ledger.debitedCents('unknown')).toBeNull();
    expect(ledger.totals(day(24))).toMatchObject({ todayCents: 250, refundsCents: 250 });
    expect(() => ledger.debit('j3', 't3', -1, day(24))).toThrow(RangeError);
  });

  it('splits totals by the user’s local day and month, and survives a restart', () => {
    const { ledger, reopen } = fresh();
    ledger.debit('a', 't-oct', 100, new Date(2026, 9, 30, 12).getTime());
    ledger.debit('b', 't-yesterday', 200, day(23, 23));
    ledger.debit('c', 't-today', 400, day(24, 0));
    ledger.debit('d', 't-half', 12.5, day(24, 1));
    expect(reopen().totals(day(24, 18))).toEqual({
      todayCents: 412.5,
      monthCents: 612.5,
      totalCents: 712.5,
      refundsCents: 0,
      todayRefundsCents: 0,
      demoCents: 0,
    });
  });

  it('books demo spend apart: free, counted in none of the real totals, refunded as demo', () => {
    const { ledger, reopen } = fresh();
    ledger.debit('real', 't-real', 300, day(24));
    ledger.debit('demo', 't-demo', 200, day(24), true);
    ledger.debit('demo2', 't-demo2', 50, day(24), true);
    ledger.refund('demo2', 't-demo2', 50, day(24));
    expect(reopen().totals(day(24))).toEqual({
      todayCents: 300,
      monthCents: 300,
      totalCents: 300,
      refundsCents: 0,
      todayRefundsCents: 0,
      demoCents: 200,
    });
  });

  it('is append-only: the database itself refuses to change or delete an entry', () => {
    const { ledger, db } = fresh();
    ledger.debit('a', 't1', 100, day(24));
    expect(() => db.write(() => db.run('UPDATE ledger SET cents = 0'))).toThrow(/append-only/);
    expect(() => db.write(() => db.run('DELETE FROM ledger'))).toThrow(/append-only/);
    expect(db.all('SELECT cents FROM ledger')).toEqual([{ cents: 100 }]);
  });

  it('counts an entry another connection wrote first, once', () => {
    const { ledger, reopen } = fresh();
    const other = reopen();
    expect(other.debit('a', 't1', 100, day(24))).toBe(true);
    expect(ledger.debit('a', 't1', 100, day(24))).toBe(false);
    expect(ledger.totals(day(24)).todayCents).toBe(100);
  });

  it('with the disk full, a debit throws and is not counted', () => {
    const { ledger, db } = fresh();
    const { page_count } = db.get<{ page_count: number }>('PRAGMA page_count')!;
    db.run(`PRAGMA max_page_count = ${page_count}`);
    const debitMany = () => {
      for (let i = 0; i < 500; i++)
        ledger.debit(`j${i}`, `task-${'x'.repeat(200)}-${i}`, 100, day(24));
    };
    expect(debitMany).toThrow(StorageError);
    const counted = ledger.totals(day(24)).todayCents;
    expect(db.get<{ n: number }>('SELECT SUM(cents) AS n FROM ledger')?.n).toBe(counted);
  });

  it('takes a free task (0 cents), and refuses an amount that is not one, for a refund too', () => {
    const { ledger } = fresh();
    expect(ledger.debit('j1', 'free', 0, day(24))).toBe(true);
    expect(ledger.refund('j1', 'free', 0, day(24))).toBe(true);
    expect(ledger.refundedCents('free')).toBe(0);
    ledger.debit('j2', 't2', 300, day(24));
    expect(() => ledger.debit('j3', 't3', -1, day(24))).toThrow('Not an amount of cents: -1');
    expect(() => ledger.debit('j3', 't3', Number.NaN, day(24))).toThrow(RangeError);
    expect(() => ledger.refund('j2', 't2', -5, day(24))).toThrow('Not an amount of cents: -5');
    expect(() => ledger.refund('j2', 't2', Infinity, day(24))).toThrow(RangeError);
    expect(ledger.refundedCents('t2')).toBeNull();
    expect(ledger.totals(day(24)).todayCents).toBe(300);
  });

  it('counts midnight to the day and month that begin at it, not to the ones that end there', () => {
    const { ledger } = fresh();
    ledger.debit('a', 't-nov-first', 1, new Date(2026, 10, 1, 0).getTime());
    ledger.debit('b', 't-tomorrow', 10, day(25, 0));
    ledger.debit('c', 't-dec-first', 100, new Date(2026, 11, 1, 0).getTime());
    ledger.debit('d', 't-refunded-yesterday', 1000, day(23));
    ledger.refund('d', 't-refunded-yesterday', 1000, day(23));
    expect(ledger.totals(day(24))).toEqual({
      todayCents: 0,
      monthCents: 11,
      totalCents: 111,
      refundsCents: 1000,
      todayRefundsCents: 0,
      demoCents: 0,
    });
    expect(ledger.totals(day(25))).toMatchObject({ todayCents: 10, monthCents: 11 });
  });

  it('when another connection booked the task first, counts what that one wrote, not its own amount', () => {
    const { ledger, reopen } = fresh();
    expect(reopen().debit('a', 't1', 100, day(24))).toBe(true);
    expect(ledger.debit('a', 't1', 250, day(24))).toBe(false);
    expect(ledger.debitedCents('t1')).toBe(100);
    ledger.debit('b', 't2', 400, day(24));
    expect(reopen().refund('b', 't2', 30, day(24))).toBe(true);
    expect(ledger.refund('b', 't2', 80, day(24))).toBe(false);
    expect(ledger.refundedCents('t2')).toBe(30);
    expect(ledger.totals(day(24))).toMatchObject({ todayCents: 470, refundsCents: 30 });
  });
});
