import { act, screen } from '@testing-library/react';
import { Profiler } from 'react';
import { describe, expect, it } from 'vitest';
import {
  connectBackend,
  createFakeBackend,
  engineIdle,
  makeJob,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { renderWithStores } from '../../testSupport/renderWithStores';
import { useEarlierAttempts, useJob, useJobsStore, useQueuedCents, useSections } from './jobsStore';

setupRendererTests();

/** How often each part rendered, as React's profiler reports it. */
const renders: Record<string, number> = {};
const count = (id: string) => {
  renders[id] = (renders[id] ?? 0) + 1;
};

function Row({ id }: { id: string }) {
  const job = useJob(id);
  return <p>{`${id}: ${job?.progress ?? '-'}`}</p>;
}

function Attempts({ id }: { id: string }) {
  const earlier = useEarlierAttempts(id);
  return (
    <p>{`${id} after ${earlier.map((j) => `${j.id}${j.refunded ? ' refunded' : ''}`).join(',')}`}</p>
  );
}

function List() {
  const sections = useSections();
  return <p>{`running ${sections.running.join(',')} · ${useQueuedCents()} cents`}</p>;
}

describe('the jobs store', () => {
  it('wakes only the row of the job that changed, and the list only when a section does', async () => {
    const jobs = [
      makeJob('a', { status: 'running', progress: 10, updatedAt: 1 }),
      makeJob('b', { status: 'running', progress: 20, updatedAt: 1 }),
      makeJob('c', { costCents: 300, updatedAt: 1 }),
    ];
    const fake = createFakeBackend({
      'jobs.list': () => ({ jobs, state: { ...engineIdle } }),
    });
    connectBackend(fake);
    renderWithStores(
      <>
        <Profiler id="a" onRender={count}>
          <Row id="a" />
        </Profiler>
        <Profiler id="b" onRender={count}>
          <Row id="b" />
        </Profiler>
        <Profiler id="list" onRender={count}>
          <List />
        </Profiler>
      </>,
    );
    expect(await screen.findByText('a: 10')).toBeTruthy();
    expect(screen.getByText('running a,b · 300 cents')).toBeTruthy();
    const before = { ...renders };

    act(() =>
      fake.emit('jobs.changed', {
        upserted: [{ ...jobs[0]!, progress: 55, updatedAt: 2 }],
        removed: [],
        order: null,
      }),
    );
    expect(screen.getByText('a: 55')).toBeTruthy();
    expect(renders['a']).toBe((before['a'] ?? 0) + 1);
    expect(renders['b']).toBe(before['b']);
    expect(renders['list']).toBe(before['list']);

    act(() =>
      fake.emit('jobs.changed', {
        upserted: [{ ...jobs[2]!, status: 'submitting', updatedAt: 2 }],
        removed: [],
        order: null,
      }),
    );
    expect(screen.getByText('running a,b,c · 0 cents')).toBeTruthy();
    expect(renders['b']).toBe(before['b']);
    expect(useJobsStore.getState().counts.submitting).toBe(1);
  });

  it('redraws a retried job’s row when an earlier attempt changes, and no other row', async () => {
    const jobs = [
      makeJob('a', { status: 'failed', taskId: 't1', updatedAt: 1 }),
      makeJob('a2', { retryOf: 'a', updatedAt: 1 }),
      makeJob('b', { updatedAt: 1 }),
    ];
    const fake = createFakeBackend({ 'jobs.list': () => ({ jobs, state: { ...engineIdle } }) });
    connectBackend(fake);
    renderWithStores(
      <>
        <Profiler id="a2" onRender={count}>
          <Attempts id="a2" />
        </Profiler>
        <Profiler id="b" onRender={count}>
          <Attempts id="b" />
        </Profiler>
      </>,
    );
    expect(await screen.findByText('a2 after a')).toBeTruthy();
    const before = { ...renders };
    act(() =>
      fake.emit('jobs.changed', {
        upserted: [{ ...jobs[0]!, refunded: true, updatedAt: 2 }],
        removed: [],
        order: null,
      }),
    );
    expect(screen.getByText('a2 after a refunded')).toBeTruthy();
    expect(renders['a2']).toBe((before['a2'] ?? 0) + 1);
    expect(renders['b']).toBe(before['b']);
  });
});
