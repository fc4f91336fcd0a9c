import { describe, expect, it } from 'vitest';
import { coreHarness } from '../../../../test/support/coreHarness';
import { RecordingListener, useDownloadFixture } from '../../../../test/support/libraryTestKit';
import { createTask, fastTaskMs } from '../../../../test/support/testSimulator';
import { english, messagesIn } from '../i18n';
import { nodeLibraryFs } from './nodeLibraryFs';
import { expiryText } from './expiry';
import { diskFullText } from './pendingClip';
import type { LibraryFs } from './libraryFs';

/**
 * Issue 14: why a clip was given up is worded by the listener that stores it on the job, in
 * its language when it is written (the engine's: main's language); English by default.
 */
const fx = useDownloadFixture(0);
const DAY = 86_400_000;
const dutch = messagesIn('nl').t;

class DutchListener extends RecordingListener {
  readonly t = dutch;
}

describe('why a clip was given up', () => {
  it('reads in English by default and in Dutch with a Dutch t', () => {
    const at = Date.UTC(2026, 0, 2);
    expect(expiryText(english.t, { code: 'purged', at })).toBe(
      'The provider purged this clip at 2026-01-02 00:00 UTC before it could be saved',
    );
    expect(expiryText(dutch, { code: 'purged', at })).toBe(
      'De aanbieder heeft deze clip op 2026-01-02 00:00 UTC gewist voordat hij kon worden opgeslagen',
    );
    expect(expiryText(dutch, { code: 'expiredOnServer' })).toBe(
      'Het resultaat is op de server verlopen voordat het kon worden opgeslagen',
    );
    expect(expiryText(dutch, { code: 'taskGone' })).toBe(
      'De taak bestaat niet meer op de server, dus de clip kon niet worden opgeslagen',
    );
    expect(expiryText(dutch, { code: 'cannotSave', reason: 'Invalid creation date' })).toBe(
      'De clip kan niet worden opgeslagen: Invalid creation date',
    );
  });

  it('reaches a Dutch listener in Dutch: past its expiry, and a task id no clip can carry', async () => {
    fx.sim.configure({ statusAfterExpiry: 'completed' });
    const source = await fx.finished();
    await fx.sim.clock.advance(DAY);
    const lib = await fx.library();
    const listener = new DutchListener();

    lib.downloads.enqueueFor(source, listener);
    lib.downloads.enqueueFor({ ...source, jobId: 'long', taskId: 'x'.repeat(5000) }, listener);
    await listener.until((event) => event.kind === 'expired' && event.jobId === source.jobId);
    await listener.until((event) => event.kind === 'expired' && event.jobId === 'long');

    expect(listener.of('expired')).toEqual(
      expect.arrayContaining([
        {
          kind: 'expired',
          jobId: source.jobId,
          message: expect.stringMatching(
            /^De aanbieder heeft deze clip op .* UTC gewist/,
          ) as unknown,
        },
        {
          kind: 'expired',
          jobId: 'long',
          message: expect.stringMatching(
            /^De clip kan niet worden opgeslagen: de id van de taak op de server is leeg of langer dan \d+ tekens$/,
          ) as unknown,
        },
      ]),
    );
  });

  it('pauses for a full disk in the engine’s language', async () => {
    const fullDisk: LibraryFs = {
      ...nodeLibraryFs,
      openWrite: () =>
        Promise.reject(Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' })),
    };
    const listener = new DutchListener();
    const lib = await fx.library({ fs: fullDisk, listener });
    lib.downloads.enqueue(await fx.finished());
    await listener.until((event) => event.kind === 'paused');
    expect(listener.of('paused')).toEqual([
      {
        kind: 'paused',
        reason:
          'De schijf met de bibliotheek is vol. Maak wat ruimte vrij: de downloads gaan vanzelf verder.',
      },
    ]);
    expect(lib.listener.events).toEqual([]);
  });
});

describe('the server’s history', () => {
  it('refuses in Dutch with a Dutch t, quoting the task id', async () => {
    const lib = await fx.library({ t: dutch });
    await expect(lib.service.import({ taskId: 'no-such-task' })).rejects.toMatchObject({
      code: 'not-found',
      message: 'De server heeft geen taak no-such-task',
    });
    const running = await createTask(fx.sim, { prompt: 'Nog bezig', duration_seconds: 5 });
    await expect(lib.service.import({ taskId: running })).rejects.toMatchObject({
      code: 'conflict',
      message: `Taak op de server ${running} is in de wachtrij: alleen voltooide taken kunnen worden opgeslagen`,
    });
    await fx.sim.clock.advance(fastTaskMs);
    await expect(lib.service.import({ taskId: running })).resolves.toMatchObject({ id: running });
  });

  it('refuses in English by default', async () => {
    const lib = await fx.library();
    await expect(lib.service.import({ taskId: 'no-such-task' })).rejects.toMatchObject({
      message: 'The server has no task no-such-task',
    });
  });
});

describe('the engine’s download listener', () => {
  it('speaks main’s language, following the setting as it changes', async () => {
    const h = coreHarness();
    try {
      const core = await h.start({ overrides: { demo: true } });
      const { downloadListener } = core.engine;
      expect(diskFullText(downloadListener)).toMatch(/^The disk holding the library is full/);
      await core.client.invoke('settings.update', { language: 'nl' });
      expect(diskFullText(downloadListener)).toMatch(/^De schijf met de bibliotheek is vol/);
    } finally {
      await h.close();
    }
  });
});
