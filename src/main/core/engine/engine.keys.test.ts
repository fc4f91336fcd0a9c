import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIRST_KEY_ID } from '../../../shared/apiKeys';
import { holdsSlot } from '../../../shared/jobs';
import { draft, engineHarness, type EngineHarness } from '../../../../test/support/engineHarness';
import { keyState } from './keySlots';
import { stringContaining } from '../../../../test/support/matchers';

/**
 * Issue 18: several API keys, against the real simulator over HTTP, which keeps a balance
 * and 4 slots per key. Each job goes out with a key that has a free slot and stays bound to
 * it: its task is followed, reconciled and booked with that key alone.
 */
let h: EngineHarness;
beforeEach(async () => (h = await engineHarness()));
afterEach(async () => h.close());

const B = 'sk-air-client-b-000000000000';
const C = 'sk-air-client-c-000000000000';

function threeKeys(balances: { b?: number; c?: number } = {}) {
  h.sim.addKey(B, balances.b ?? 100_000);
  h.sim.addKey(C, balances.c ?? 100_000);
  h.useKeys([
    { id: FIRST_KEY_ID, secret: h.sim.apiKey, concurrency: 4, dailyBudgetCents: null },
    { id: 'key-b', secret: B, concurrency: 4, dailyBudgetCents: null },
    { id: 'key-c', secret: C, concurrency: 4, dailyBudgetCents: null },
  ]);
}

const secretOf: Record<string, string> = { 'key-b': B, 'key-c': C };
const tasksOf = (key: string) => h.sim.tasks().filter((task) => task.key === key);

describe('several keys', () => {
  it('runs twelve tasks at once on three keys, four each, and books each on its key', async () => {
    threeKeys();
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.submit']({ request: draft('twelve'), copies: 12 });
    await h.until(
      () => engine.jobs().filter((j) => holdsSlot(j.status) && j.taskId).length === 12,
      'twelve jobs on the server',
    );
    expect(engine.state()).toMatchObject({ active: 12, concurrency: 12 });
    expect([h.sim.apiKey, B, C].map((key) => tasksOf(key).length)).toEqual([4, 4, 4]);
    expect(h.sim.log.some((e) => e.route === 'create' && e.status === 429)).toBe(false);

    await h.advanceUntil(() => engine.jobs().every((j) => j.status === 'completed'), 'all done');
    const cost = engine.jobs()[0]!.costCents!;
    for (const id of [FIRST_KEY_ID, 'key-b', 'key-c'])
      expect(engine.ledger.spentBy(id, h.clock.now()).todayCents).toBe(4 * cost);
    expect(engine.ledger.totals(h.clock.now()).todayCents).toBe(12 * cost);
    // Each job's task was asked about with the key that made it, and no other.
    for (const job of engine.jobs()) {
      const key = job.keyId === FIRST_KEY_ID ? h.sim.apiKey : secretOf[job.keyId!];
      const asked = h.sim.log.filter((e) => e.path.includes(job.taskId!));
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.every((e) => e.key === key)).toBe(true);
    }
  });

  it('a key whose balance runs out holds only its own jobs, and says which key', async () => {
    threeKeys({ b: 100 });
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.submit']({ request: draft('spread'), copies: 16 });
    await h.advanceUntil(
      () => engine.jobs().every((j) => j.status === 'completed' || j.status === 'held'),
      'every job done or held',
    );
    // Key B's four creates each met a 402; the jobs still waiting went to the other keys.
    const held = engine.jobs().filter((j) => j.status === 'held');
    expect(held.map((j) => [j.keyId, j.holdReason])).toEqual(Array(4).fill(['key-b', 'balance']));
    expect(tasksOf(B)).toHaveLength(0);
    expect(tasksOf(h.sim.apiKey).length + tasksOf(C).length).toBe(12);
    expect(tasksOf(C).length).toBeGreaterThanOrEqual(4);
    const state = engine.state();
    expect(state.blockedBy).toBeNull();
    expect(state.keyHolds).toEqual([
      { keyId: 'key-b', reason: 'balance', message: stringContaining('Balance too low') },
    ]);
    expect(keyState(engine.status, 'key-b')).toBe('balance-low');
    expect(keyState(engine.status, 'key-c')).toBe('ok');

    // Topped up and released: key B's jobs go out with key B.
    h.sim.addKey(B, 10_000);
    await handlers['jobs.release']({});
    await h.advanceUntil(() => engine.jobs().every((j) => j.status === 'completed'), 'all done');
    expect(tasksOf(B)).toHaveLength(4);
  });

  it('a refused key (401) holds only its own jobs', async () => {
    threeKeys();
    h.useKeys([
      { id: FIRST_KEY_ID, secret: h.sim.apiKey, concurrency: 2, dailyBudgetCents: null },
      { id: 'key-x', secret: 'sk-air-revoked-0000000000', concurrency: 2, dailyBudgetCents: null },
    ]);
    const { engine, handlers } = h.startEngine();
    await handlers['jobs.submit']({ request: draft('refused'), copies: 6 });
    await h.advanceUntil(
      () => engine.jobs().every((j) => j.status === 'completed' || j.status === 'held'),
      'every job done or held',
    );
    const held = engine.jobs().filter((j) => j.status === 'held');
    expect(held.map((j) => [j.keyId, j.holdReason])).toEqual(
      Array(2).fill(['key-x', 'key-rejected']),
    );
    expect(keyState(engine.status, 'key-x')).toBe('refused');
    expect(engine.state()).toMatchObject({ blockedBy: null, keyHolds: [{ keyId: 'key-x' }] });
    expect(tasksOf(h.sim.apiKey)).toHaveLength(4);
  });

  it('a job pinned to a key waits for that key, and the jobs behind it go to the others', async () => {
    threeKeys();
    const { engine, handlers } = h.startEngine();
    const pinned = await handlers['jobs.submit']({
      request: draft('c only'),
      copies: 6,
      keyId: 'key-c',
    });
    await handlers['jobs.submit']({ request: draft('anywhere'), copies: 2 });
    await h.until(() => engine.jobs().filter((j) => j.taskId).length === 6, 'six on the server');
    expect(tasksOf(C)).toHaveLength(4);
    expect(
      engine
        .jobs()
        .filter((j) => j.status === 'queued')
        .map((j) => j.keyId),
    ).toEqual(['key-c', 'key-c']);
    await h.advanceUntil(() => engine.jobs().every((j) => j.status === 'completed'), 'all done');
    expect(tasksOf(C)).toHaveLength(6);
    expect(pinned.jobs.every((job) => job.keyId === 'key-c')).toBe(true);
    await expect(
      handlers['jobs.submit']({ request: draft('nowhere'), copies: 1, keyId: 'key-z' }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });

  it('a restart keeps every job on its key, following each with that key', async () => {
    threeKeys();
    const first = h.startEngine();
    await first.handlers['jobs.submit']({ request: draft('restart'), copies: 9 });
    await h.until(() => first.engine.jobs().every((j) => j.taskId), 'all nine on the server');
    const before = new Map(first.engine.jobs().map((j) => [j.id, j.keyId]));
    await first.engine.stop();

    const logged = h.sim.log.length;
    const second = h.startEngine();
    expect(new Map(second.engine.jobs().map((j) => [j.id, j.keyId]))).toEqual(before);
    await h.advanceUntil(
      () => second.engine.jobs().every((j) => j.status === 'completed'),
      'all done',
    );
    for (const job of second.engine.jobs()) {
      const key = job.keyId === FIRST_KEY_ID ? h.sim.apiKey : secretOf[job.keyId!];
      const asked = h.sim.log.slice(logged).filter((e) => e.path.includes(job.taskId!));
      expect(asked.every((e) => e.key === key)).toBe(true);
    }
    expect(h.sim.tasks()).toHaveLength(9);
  });

  it('reconciles a lost create with its key’s task list only', async () => {
    threeKeys();
    h.useKeys([{ id: 'key-b', secret: B, concurrency: 4, dailyBudgetCents: null }]);
    const { engine, handlers } = h.startEngine();
    h.sim.faults.next('create', { kind: 'reset-after-create' });
    await handlers['jobs.submit']({ request: draft('lost on b'), copies: 1 });
    await h.advanceUntil(() => engine.jobs()[0]?.status === 'completed', 'adopted and done');
    const lists = h.sim.log.filter((e) => e.route === 'list');
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((e) => e.key === B)).toBe(true);
    expect(engine.jobs()[0]).toMatchObject({ keyId: 'key-b', taskId: tasksOf(B)[0]!.id });
    expect(h.sim.tasks()).toHaveLength(1);
  });
});
