import { FIRST_KEY_ID } from '../../../shared/apiKeys';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../../../../test/support/tempDatabase';
import { ManualClock } from '../clock';
import { Connectivity } from './connectivity';
import { EngineEvents } from './engineEvents';
import { EngineStatus } from './engineStatus';
import { newRecord } from './jobRecord';
import { JobRepository } from './jobRepository';
import { JobWriter } from './jobWriter';
import { Ledger } from './ledger';
import { EngineWaits } from './waits';

const T = Date.UTC(2026, 10, 24, 9);
let temp: ReturnType<typeof tempDatabase>;
afterEach(async () => temp?.closeAll());

function writer() {
  temp = tempDatabase();
  const clock = new ManualClock(T);
  const repo = new JobRepository(temp.db);
  const ledger = new Ledger(temp.db);
  const emitted: string[] = [];
  const status = new EngineStatus(temp.db);
  const events = new EngineEvents({
    emit: (name) => emitted.push(name),
    clock,
    notifier: { notify: () => undefined },
    notificationsOn: () => true,
    repo,
    ledger,
    state: () =>
      status.snapshot({ offline: false, retryAt: null, active: 0, concurrency: 1, unclaimed: [] }, [
        FIRST_KEY_ID,
      ]),
  });
  const waits = new EngineWaits(clock, () => undefined);
  const connectivity = new Connectivity(
    clock,
    () => Promise.resolve(true),
    () => undefined,
    () => 0.5,
  );
  const request = {
    model: 'wan-2.6',
    prompt: 'a fox',
    mode: 'text',
    durationSeconds: 5,
    inputImages: [],
  } as const;
  repo.add({ ...newRecord('j1', { ...request, inputImages: [] }, T, null), status: 'submitting' });
  const w = new JobWriter({ clock, repo, ledger, events, status, waits, connectivity });
  return {
    w,
    repo,
    ledger,
    emitted,
    status,
    waits,
    connectivity,
    dispose: () => (waits.dispose(), connectivity.dispose()),
  };
}

describe('JobWriter', () => {
  it('books the money and changes the job; applied again, it books nothing twice', () => {
    const { w, repo, ledger, emitted, dispose } = writer();
    const adopt = {
      id: 'j1',
      debit: { taskId: 't1', cents: 40, demo: false },
      patch: { status: 'remote-queued', taskId: 't1', costCents: 40 },
    } as const;
    w.apply([adopt]);
    w.apply([adopt]);
    expect(repo.get('j1')).toMatchObject({ status: 'remote-queued', taskId: 't1' });
    expect(ledger.totals(T).totalCents).toBe(40);
    expect(emitted).toContain('ledger.changed');
    w.apply([
      {
        id: 'j1',
        refund: { taskId: 't1', cents: 40 },
        patch: { status: 'failed', refunded: true, error: { kind: 'failed', message: 'x' } },
      },
    ]);
    expect(ledger.refundedCents('t1')).toBe(40);
    expect(w.facts().debitedCents('t1')).toBe(40);
    dispose();
  });

  it('a change the job cannot make throws after nothing but its money was booked', () => {
    const { w, repo, ledger, dispose } = writer();
    expect(() =>
      w.apply([
        { id: 'j1', debit: { taskId: 't1', cents: 40, demo: false }, patch: { status: 'held' } },
        { id: 'j1', patch: { status: 'saved' } },
      ]),
    ).toThrow();
    // The money came first, so a crash here leaves a debit the next adoption finds, not a paid job with none.
    expect(ledger.debitedCents('t1')).toBe(40);
    expect(repo.get('j1')?.status).toBe('held');
    dispose();
  });

  it('engine-wide effects: a block, a back-off, offline', () => {
    const { w, status, waits, connectivity, dispose } = writer();
    w.apply([
      { id: 'j1', block: { reason: 'balance', message: 'Balance too low.' }, backOffMs: 5_000 },
    ]);
    // The job belongs to no key yet: the first key's submissions stop, and with one key, all.
    expect(status.reasonOf(FIRST_KEY_ID)).toBe('balance');
    const state = status.snapshot(
      { offline: false, retryAt: null, active: 0, concurrency: 1, unclaimed: [] },
      [FIRST_KEY_ID],
    );
    expect(state).toMatchObject({ blockedBy: 'balance', message: 'Balance too low.' });
    expect(waits.retryAt).toBe(T + 5_000);
    w.apply([{ id: 'j1', offline: true }]);
    expect(connectivity.online).toBe(false);
    dispose();
  });
});
