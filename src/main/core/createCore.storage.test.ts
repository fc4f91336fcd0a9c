import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHostCore, type HostCore } from '../../host/hostCore';
import { createDispatcher } from '../../shared/contract';
import { newRecord } from './engine/jobRecord';
import { stringMatching } from '../../../test/support/matchers';

let core: HostCore | undefined;
afterEach(async () => {
  await core?.stop();
  core = undefined;
});

const request = {
  model: 'wan-2.6',
  prompt: 'from before',
  mode: 'text' as const,
  durationSeconds: 5,
  inputImages: [],
};

describe('the assembled core and its data', () => {
  it('moves the queue of an earlier version into airframe.db, sets aside what it cannot read, and tells the user', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'airframe-core-data-'));
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
    core = await createHostCore({ dataDir });
    expect(core.engine.jobs().map((j) => j.id)).toEqual(['job_old']);
    expect(core.engine.state().paused).toBe(true);
    const answer = await createDispatcher(core.handlers)('app.notices', {});
    expect(answer).toEqual({
      ok: true,
      value: {
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
      },
    });
    const left = JSON.parse(readFileSync(join(dataDir, 'store.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(Object.keys(left)).not.toContain('engine.jobs.v1');
    expect(readdirSync(dataDir)).toContain('airframe.db');
  });

  it('restores a damaged airframe.db from its backup on the next start, and says so', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'airframe-core-data-'));
    core = await createHostCore({ dataDir });
    // The day's backup follows the first write that leaves data worth keeping: this one.
    core.engine.repo.add(newRecord('job_kept', request, 1, null));
    await core.stop();
    core = undefined;
    writeFileSync(join(dataDir, 'airframe.db'), 'garbage '.repeat(1000));
    core = await createHostCore({ dataDir });
    expect(core.engine.jobs().map((j) => j.id)).toEqual(['job_kept']);
    expect(core.notices).toEqual([
      expect.objectContaining({
        level: 'warning',
        message: stringMatching(/^The job database was damaged; restored the backup from/),
      }),
    ]);
  });
});
