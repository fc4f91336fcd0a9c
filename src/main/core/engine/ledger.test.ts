import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../stores/memoryStore';
import { Ledger } from './ledger';

const day = (d: number, h = 12) => new Date(2026, 10, d, h).getTime();

describe('Ledger', () => {
  it('counts a task’s debit and refund once each, however often they are reported', () => {
    const ledger = new Ledger(new MemoryStore());
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
    });
  });

  it('never refunds what was not debited', () => {
    const ledger = new Ledger(new MemoryStore());
    expect(ledger.refund('j1', 'unknown', 320, day(24))).toBe(false);
    expect(ledger.totals(day(24)).refundsCents).toBe(0);
  });

  it('splits totals by the user’s local day and month, and survives a restart', () => {
    const store = new MemoryStore();
    const ledger = new Ledger(store);
    ledger.debit('a', 't-oct', 100, new Date(2026, 9, 30, 12).getTime());
    ledger.debit('b', 't-yesterday', 200, day(23, 23));
    ledger.debit('c', 't-today', 400, day(24, 0));
    expect(new Ledger(store).totals(day(24, 18))).toEqual({
      todayCents: 400,
      monthCents: 600,
      totalCents: 700,
      refundsCents: 0,
      todayRefundsCents: 0,
    });
  });
});
