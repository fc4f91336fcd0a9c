import { describe, expect, it } from 'vitest';
import { newRecord, type JobRecord } from './jobRecord';
import { planWork, type WorkConditions } from './workPlan';

const T = 1_000_000;
const job = (id: string, change: Partial<JobRecord>): JobRecord => ({
  ...newRecord(
    id,
    { model: 'wan-2.6', prompt: id, mode: 'text', durationSeconds: 5, inputImages: [] },
    T,
    null,
  ),
  ...change,
});
const base: WorkConditions = {
  now: T,
  busy: new Set(),
  keyProblem: () => false,
  online: true,
  submissionsWait: false,
  demo: false,
  createPending: () => false,
};

describe('planWork', () => {
  const jobs = [
    job('lost', { status: 'submitting' }),
    job('later', { status: 'submitting', lookAt: T + 5_000 }),
    job('running', { status: 'running', taskId: 't1' }),
    job('waiting', { status: 'queued' }),
    job('demo', { status: 'running', taskId: 't2', demo: true }),
  ];

  it('looks for lost creates that are due, follows tasks on the server, and says when to look next', () => {
    expect(planWork(jobs, base)).toEqual({
      reconcile: ['lost'],
      follow: ['running'],
      nextLook: T + 5_000,
    });
  });

  it('never looks while a create of the same model is unanswered, offline, or while submissions wait', () => {
    expect(planWork(jobs, { ...base, createPending: () => true }).reconcile).toEqual([]);
    expect(planWork(jobs, { ...base, online: false }).reconcile).toEqual([]);
    expect(planWork(jobs, { ...base, submissionsWait: true }).reconcile).toEqual([]);
  });

  it('does nothing without a usable key, skips busy jobs, and keeps to the world a task was made in', () => {
    expect(planWork(jobs, { ...base, keyProblem: () => true })).toEqual({
      reconcile: [],
      follow: [],
      nextLook: Infinity,
    });
    expect(planWork(jobs, { ...base, busy: new Set(['running']) }).follow).toEqual([]);
    expect(planWork(jobs, { ...base, demo: true }).follow).toEqual(['demo']);
  });
});
