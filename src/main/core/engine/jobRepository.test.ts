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
