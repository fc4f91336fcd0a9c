import { describe, expect, it } from 'vitest';
import { messagesIn } from '../i18n';
import { admit } from './admission';
import { newRecord, type JobRecord } from './jobRecord';
import { createFailed, listUnread } from './submission';
import { observation } from './taskOutcomes';

/** Issue 14: what a job's hold or failure says is written in main's language at the time. */
const nl = messagesIn('nl').t;
const T = Date.UTC(2026, 0, 1);
const half = () => 0.5;
const job = (patch: Partial<JobRecord> = {}) =>
  ({ id: 'j', status: 'submitting', costCents: 100, looks: 0, ...patch }) as JobRecord;

describe('a job’s holds and failures, in Dutch', () => {
  it('say why the budget holds a job', () => {
    const records = [
      job({ id: 'a', status: 'queued', costCents: 300 }),
      job({ id: 'b', status: 'queued', costCents: null }),
    ];
    const limits = { concurrency: 4, dailyBudgetCents: 200, spentTodayCents: 0 };
    expect(admit(records, new Set(), { ...limits, t: nl }).overBudget).toEqual([
      { id: 'a', message: 'Hiermee zou het budget van vandaag worden overschreden.' },
      { id: 'b', message: 'De kosten zijn onbekend en er is een dagbudget ingesteld.' },
    ]);
    expect(admit(records, new Set(), limits).overBudget[0]?.message).toBe(
      'It would pass today’s budget.',
    );
  });

  it('say a key was refused or the balance is too low, quoting the server', () => {
    const auth = { kind: 'auth', status: 401, message: 'Invalid API key (HTTP 401)' } as const;
    expect(createFailed(job(), auth, T, half, nl)[0]?.block?.message).toBe(
      'De API-sleutel is geweigerd: Invalid API key (HTTP 401)',
    );
    const balance = { kind: 'balance', status: 402, message: 'Insufficient credits' } as const;
    expect(createFailed(job(), balance, T, half, nl)[0]?.block?.message).toBe(
      'Saldo te laag: Insufficient credits',
    );
    expect(listUnread(job(), auth, T, half, nl).block?.message).toBe(
      'De API-sleutel is geweigerd: Invalid API key (HTTP 401)',
    );
    expect(createFailed(job(), auth, T, half)[0]?.block?.message).toBe(
      'The API key was refused: Invalid API key (HTTP 401)',
    );
  });

  it('say a lost create is looked for before anything is sent again', () => {
    const e = { kind: 'network', message: 'socket hang up', maybeSent: true } as const;
    expect(createFailed(job(), e, T, half, nl)[0]?.patch?.check?.message).toBe(
      'De verbinding viel weg nadat het verzoek was verstuurd (socket hang up). Airframe zoekt de taak eerst op de server voordat er iets opnieuw wordt verstuurd.',
    );
  });

  it('say a task ended on the server when the server gives no reason, and quote it when it does', () => {
    const running = {
      ...newRecord(
        'j',
        { model: 'wan-2.6', prompt: 'a fox', mode: 'text', durationSeconds: 5, inputImages: [] },
        T - 60_000,
        null,
      ),
      status: 'running',
      taskId: 't1',
    } as JobRecord;
    const facts = (t?: typeof nl) => ({ now: T, debitedCents: () => null, ...(t ? { t } : {}) });
    const ended = (status: 'expired' | 'failed', t?: typeof nl, message?: string) =>
      observation(
        running,
        { task_id: 't1', status, ...(message ? { error: { type: 'x', message } } : {}) },
        facts(t),
      )[0]?.patch?.error?.message;
    expect(ended('expired', nl)).toBe('De taak is op de server verlopen.');
    expect(ended('failed', nl)).toBe('De taak is mislukt.');
    expect(ended('expired')).toBe('The task expired on the server.');
    expect(ended('failed', nl, 'Content policy violation')).toBe('Content policy violation');
  });
});
