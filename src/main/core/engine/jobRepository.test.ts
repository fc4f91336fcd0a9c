import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../stores/memoryStore';
import { newRecord } from './jobRecord';
import { JobRepository } from './jobRepository';

const request = { model: 'wan-2.6', prompt: 'p', mode: 'text' as const, durationSeconds: 5, inputImages: [] };

function repoWith(...ids: string[]) {
  const store = new MemoryStore();
  const repo = new JobRepository(store);
  for (const id of ids) repo.add(newRecord(id, request, 0, null));
  return { repo, store };
}

describe('JobRepository', () => {
  it('moves waiting jobs up, down and to the top, past jobs already submitted', () => {
    const { repo } = repoWith('a', 'b', 'c', 'd');
    repo.update('a', { status: 'submitting' }, 1);
    expect(repo.move('d', 'top')).toBe(true);
    expect(repo.all().map((r) => r.id)).toEqual(['a', 'd', 'b', 'c']);
    expect(repo.move('b', 'down')).toBe(true);
    expect(repo.move('d', 'up')).toBe(false);
    expect(repo.move('a', 'down')).toBe(false);
    expect(repo.all().map((r) => r.id)).toEqual(['a', 'd', 'c', 'b']);
  });

  it('persists status changes but not progress ticks', () => {
    const { repo, store } = repoWith('a');
    repo.update('a', { status: 'submitting' }, 1);
    repo.update('a', { status: 'remote-queued' }, 2);
    repo.update('a', { status: 'running' }, 3);
    repo.update('a', { progress: 40 }, 4);
    expect(new JobRepository(store).get('a')).toMatchObject({ status: 'running', progress: null });
  });

  it('refuses an impossible transition', () => {
    const { repo } = repoWith('a');
    expect(() => repo.update('a', { status: 'completed' }, 1)).toThrow(/queued to completed/);
  });

  it('sets aside stored jobs it cannot read instead of dropping them', () => {
    const { store } = repoWith('a');
    const stored = store.get('engine.jobs.v1') as unknown[];
    store.set('engine.jobs.v1', [...stored, { id: 'broken', status: 'flying' }]);
    const repo = new JobRepository(store);
    expect(repo.all().map((r) => r.id)).toEqual(['a']);
    expect(repo.warnings).toHaveLength(1);
    expect(store.get('engine.jobs.unreadable')).toEqual([{ id: 'broken', status: 'flying' }]);
  });
});

describe('JobRepository writes', () => {
  it('writes a job leaving for the server, and its task id, at once; gathers the rest', async () => {
    const { ManualClock } = await import('../clock');
    const clock = new ManualClock(0);
    const store = new MemoryStore();
    const repo = new JobRepository(store, clock);
    repo.add(newRecord('a', request, 0, null), newRecord('b', request, 0, null));
    const stored = () => (store.get('engine.jobs.v1') as { id: string; status: string; taskId: string | null }[]).map((r) => [r.id, r.status, r.taskId]);
    expect(stored()).toEqual([['a', 'queued', null], ['b', 'queued', null]]);
    repo.update('a', { status: 'submitting' }, 1);
    expect(stored()[0]).toEqual(['a', 'submitting', null]);
    repo.update('a', { status: 'remote-queued', taskId: 'vid_1' }, 2);
    expect(stored()[0]).toEqual(['a', 'remote-queued', 'vid_1']);
    repo.update('a', { status: 'running' }, 3);
    expect(stored()[0]?.[1]).toBe('remote-queued');
    expect(clock.pending()).toBe(1);
    await clock.advance(250);
    expect(stored()[0]?.[1]).toBe('running');
    expect(clock.pending()).toBe(0);
    repo.update('b', { status: 'cancelled' }, 4);
    repo.flush();
    expect(stored()[1]?.[1]).toBe('cancelled');
    expect(clock.pending()).toBe(0);
  });
});
