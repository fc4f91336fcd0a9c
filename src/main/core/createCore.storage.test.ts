import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { coreHarness, type CoreHarness } from '../../../test/support/coreHarness';
import { newRecord } from './engine/jobRecord';
import { stringMatching } from '../../../test/support/matchers';

let h: CoreHarness;
beforeEach(() => (h = coreHarness()));
afterEach(async () => h.close());

const request = {
  model: 'wan-2.6',
  prompt: 'from before',
  mode: 'text' as const,
  durationSeconds: 5,
  inputImages: [],
};

describe('the assembled core and its data', () => {
  it('moves the queue of an earlier version into airframe.db, sets aside what it cannot read, and tells the user', async () => {
    const { dataDir } = h;
    const old = {
      'settings.v2': { version: 2 },
      'engine.jobs.v1': [
        newRecord('job_old', request, 1, null),
        { id: 'job_broken', status: 'flying' },
      ],
      'engine.ledger.v1': [{ kind: 'debit', jobId: 'job_old', taskId: 'vid_1', cents: 200, at: 1 }],
      'engine.paused': true,
    };
    writeFileSync(join(dataDir, 'store.json'), JSON.stringify(old));
    const core = await h.start();
    expect(core.engine.jobs().map((j) => j.id)).toEqual(['job_old']);
    expect(core.engine.state().paused).toBe(true);
    expect(await core.client.invoke('app.notices', {})).toEqual({
      notices: [
        expect.objectContaining({
          level: 'info',
          message: 'Moved 1 job and 1 ledger entry into the new job database.',
        }),
        expect.objectContaining({
          level: 'warning',
          message: '1 stored job could not be read and was set aside.',
        }),
      ],
    });
    const left = JSON.parse(readFileSync(join(dataDir, 'store.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(Object.keys(left)).not.toContain('engine.jobs.v1');
    expect(readdirSync(dataDir)).toContain('airframe.db');
  });

  it('restores a damaged airframe.db from its backup on the next start, and says so', async () => {
    const first = await h.start();
    // The day's backup follows the first write that leaves data worth keeping: this one.
    first.engine.repo.add(newRecord('job_kept', request, 1, null));
    await h.stop(first);
    writeFileSync(join(h.dataDir, 'airframe.db'), 'garbage '.repeat(1000));
    const core = await h.start();
    expect(core.engine.jobs().map((j) => j.id)).toEqual(['job_kept']);
    expect(core.notices).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: stringMatching(/^The job database was damaged; restored the backup from/),
      }),
    ]);
  });
});
