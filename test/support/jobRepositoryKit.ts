import { afterEach } from 'vitest';
import { newRecord, type JobRecord } from '../../src/main/core/engine/jobRecord';
import type { AppDatabase } from '../../src/main/core/db/database';
import { INSERT_JOB, JobRepository, POSITION_GAP } from '../../src/main/core/engine/jobRepository';
import { tempDatabase } from './tempDatabase';

/** The plain text-to-video request the repository tests store. */
export const jobRequest = {
  model: 'wan-2.6',
  prompt: 'p',
  mode: 'text' as const,
  durationSeconds: 5,
  inputImages: [],
};

/** A new job record for `jobRequest`, created at time 0 with no draft behind it. */
export const jobRecord = (id: string) => newRecord(id, jobRequest, 0, null);

/** Job `j1` ('a fox'), created at `at` and being submitted since then, with `change` made. */
export const submittingJob = (at: number, change: Partial<JobRecord> = {}): JobRecord => ({
  ...newRecord('j1', { ...jobRequest, prompt: 'a fox' }, at, null),
  status: 'submitting',
  attemptAt: at,
  ...change,
});

/**
 * Per-test set-up of the job repository tests: `repoWith(...ids)` opens a repository on a
 * fresh database file holding a job for each id, in that order. `reopen()` opens another
 * repository, `reopenDb()` another connection, on the same file, as a restarted app would.
 * Every connection is closed after the test.
 */
export function useJobRepositories() {
  const temps: ReturnType<typeof tempDatabase>[] = [];
  afterEach(async () => {
    await Promise.all(temps.splice(0).map((temp) => temp.closeAll()));
  });
  return function repoWith(...ids: string[]) {
    const temp = tempDatabase();
    temps.push(temp);
    const repo = new JobRepository(temp.db);
    repo.add(...ids.map(jobRecord));
    const reopenDb = () => temp.reopen().db;
    return { repo, db: temp.db, reopen: () => new JobRepository(reopenDb()), reopenDb };
  };
}

/**
 * Stores job rows as an earlier schema holds them (no column added since v1): for a
 * database not migrated yet, which the repository of today cannot open.
 */
export function insertJobRows(db: AppDatabase, ...records: JobRecord[]): void {
  db.write(() =>
    records.forEach((r, i) =>
      db.run(
        INSERT_JOB,
        r.id,
        (i + 1) * POSITION_GAP,
        r.status,
        r.taskId,
        r.updatedAt,
        JSON.stringify(r),
      ),
    ),
  );
}
