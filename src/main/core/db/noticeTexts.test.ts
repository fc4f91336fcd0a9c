import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDatabase } from '../../../../test/support/tempDatabase';
import { newRecord } from '../engine/jobRecord';
import { messagesIn } from '../i18n';
import { guardJsonFile, lastGoodPath } from '../stores/lastGoodCopy';
import { MemoryStore } from '../stores/memoryStore';
import { LEGACY_KEYS } from './legacyImport';

/**
 * Issue 14: what start-up found (`app.notices`) is said in the language it is given: core's
 * at start for the old store moved in; the host's guess for the settings file, which may be
 * the very thing that is damaged. English stays as it was by default (their own tests).
 */
const nl = messagesIn('nl').t;
const request = { model: 'wan-2.6', prompt: 'p', mode: 'text' as const, durationSeconds: 5 };
const job = (id: string) => newRecord(id, { ...request, inputImages: [] }, 0, null);
const debit = (taskId: string) => ({ kind: 'debit', jobId: 'j', taskId, cents: 10, at: 0 });

let temp: ReturnType<typeof tempDatabase> | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await temp?.closeAll();
  temp = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function oldStore(values: Record<string, unknown>): MemoryStore {
  const store = new MemoryStore();
  for (const [key, value] of Object.entries(values)) store.set(key, value);
  return store;
}

describe('moving the old store in, in Dutch', () => {
  it('counts what moved and what was set aside, by plural', () => {
    const store = oldStore({
      [LEGACY_KEYS.jobs]: [job('a'), { id: 'broken', status: 'flying' }],
      [LEGACY_KEYS.unreadable]: [{ id: 'older' }, { id: 'oldest' }],
      [LEGACY_KEYS.ledger]: [debit('t1'), debit('t2'), { kind: 'debit', cents: 'lots' }],
    });
    temp = tempDatabase({ legacy: store, t: nl });
    expect(temp.notices.map((n) => n.message)).toEqual([
      '1 taak en 2 boekingen zijn overgezet naar de nieuwe takendatabase.',
      '1 opgeslagen taak kon niet worden gelezen en is apart gezet.',
      '2 taken die een eerdere versie niet kon lezen, worden apart bewaard in de database.',
      '1 boeking kon niet worden gelezen en is apart gezet; de uitgaventotalen laten hem buiten beschouwing.',
    ]);
  });

  it('says a job list or ledger that was not a list was set aside whole', () => {
    const store = oldStore({ [LEGACY_KEYS.jobs]: { 0: job('a') }, [LEGACY_KEYS.ledger]: 'x' });
    temp = tempDatabase({ legacy: store, t: nl });
    expect(temp.notices.map((n) => n.message)).toEqual([
      '0 taken en 0 boekingen zijn overgezet naar de nieuwe takendatabase.',
      'De opgeslagen takenlijst was geen lijst; hij is in zijn geheel apart gezet, niet overschreven.',
      'De opgeslagen boekingen waren geen lijst; ze zijn in hun geheel apart gezet, en de uitgaventotalen beginnen bij nul.',
    ]);
  });
});

describe('the settings file’s guard, in Dutch', () => {
  const fileIn = () => {
    const dir = mkdtempSync(join(tmpdir(), 'airframe-guard-'));
    dirs.push(dir);
    return join(dir, 'airframe.json');
  };

  it('says it restored the last good copy and where the damaged file is kept', () => {
    const file = fileIn();
    writeFileSync(file, '{"a":1}');
    expect(guardJsonFile(file, 1, nl)).toEqual([]);
    writeFileSync(file, '{"a":');
    const [notice] = guardJsonFile(file, 2, nl);
    expect(notice?.level).toBe('warning');
    expect(notice?.message).toMatch(
      /^Het instellingenbestand was beschadigd; de laatste goede kopie, van \d{4}-\d\d-\d\d \d\d:\d\d, is teruggezet\. Het beschadigde bestand is bewaard in .*airframe\.json\.corrupt-2\.$/,
    );
  });

  it('says a missing file without a good copy starts from the defaults', () => {
    const file = fileIn();
    writeFileSync(lastGoodPath(file), 'not json');
    expect(guardJsonFile(file, 3, nl)).toEqual([
      {
        level: 'error',
        message:
          'Het instellingenbestand ontbrak en er is geen goede kopie van; de instellingen beginnen bij hun standaardwaarden.',
        at: 3,
      },
    ]);
  });
});
