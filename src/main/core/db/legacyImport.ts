import { z } from 'zod';
import type { Notice } from '../../../shared/notices';
import { english, type Translate } from '../i18n';
import { INSERT_JOB, POSITION_GAP } from '../engine/jobRepository';
import { readRecord } from '../engine/jobRows';
import type { KeyValueStore } from '../ports';
import type { AppDatabase } from './database';

/** Where the app kept its state before the database (one JSON file, or electron-store). */
export const LEGACY_KEYS = {
  jobs: 'engine.jobs.v1',
  unreadable: 'engine.jobs.unreadable',
  ledger: 'engine.ledger.v1',
  paused: 'engine.paused',
} as const;

const IMPORTED = 'legacy.importedAt';

const LegacyEntry = z.object({
  kind: z.enum(['debit', 'refund']),
  jobId: z.string(),
  taskId: z.string(),
  cents: z.number().nonnegative(),
  at: z.number(),
});

/**
 * Moves the queue, the ledger and the paused flag from the key-value store into the
 * database, once, in one transaction; nothing unreadable is dropped (each such item goes
 * to `set_aside`, a job list that is not a list goes there whole). The old keys are deleted
 * only after the import committed; if the app stops in between, the next start deletes them.
 * What it did is said in the language of `t`.
 */
export function importLegacyStore(
  db: AppDatabase,
  store: KeyValueStore,
  now: number,
  t: Translate = english.t,
): Notice[] {
  const present = Object.values(LEGACY_KEYS).filter((key) => store.get(key) !== undefined);
  if (present.length === 0) return [];
  if (db.getMeta(IMPORTED) !== undefined) {
    forget(store, present);
    return [];
  }
  const said: { level: Notice['level']; message: string }[] = [];
  db.write(() => {
    const jobs = importJobs(db, store.get(LEGACY_KEYS.jobs));
    const earlier = setAsideAll(
      db,
      'jobs',
      LEGACY_KEYS.unreadable,
      store.get(LEGACY_KEYS.unreadable),
      'set aside by an earlier version',
    );
    const ledger = importLedger(db, store.get(LEGACY_KEYS.ledger));
    const paused = store.get(LEGACY_KEYS.paused);
    if (paused === true) db.setMeta('engine.paused', true);
    else if (paused !== undefined && paused !== false) {
      db.setAside('meta', LEGACY_KEYS.paused, JSON.stringify(paused), 'not true or false');
    }
    db.setMeta(IMPORTED, now);
    said.push({
      level: 'info',
      message: t('notice.moved', {
        jobs: t('notice.jobs', { count: jobs.imported }),
        entries: t('notice.ledgerEntries', { count: ledger.imported }),
      }),
    });
    if (jobs.notAList) {
      said.push({
        level: 'warning',
        message: t('notice.jobsNotAList'),
      });
    }
    if (jobs.setAside > 0) {
      said.push({
        level: 'warning',
        message: t('notice.jobsSetAside', { count: jobs.setAside }),
      });
    }
    if (earlier > 0) {
      said.push({
        level: 'warning',
        message: t('notice.earlierKept', { count: earlier }),
      });
    }
    if (ledger.notAList) {
      said.push({
        level: 'warning',
        message: t('notice.ledgerNotAList'),
      });
    } else if (ledger.setAside > 0) {
      said.push({
        level: 'warning',
        message: t('notice.ledgerSetAside', { count: ledger.setAside }),
      });
    }
  });
  forget(store, present);
  return said.map((s) => ({ ...s, at: now }));
}

function importJobs(db: AppDatabase, stored: unknown) {
  if (stored === undefined) return { imported: 0, setAside: 0, notAList: false };
  if (!Array.isArray(stored)) {
    db.setAside(
      'jobs',
      LEGACY_KEYS.jobs,
      JSON.stringify(stored),
      'the stored job list is not a list',
    );
    return { imported: 0, setAside: 0, notAList: true };
  }
  let imported = 0;
  stored.forEach((item: unknown, index) => {
    const read = readRecord(item);
    const raw = JSON.stringify(item) ?? 'undefined';
    if (!('record' in read)) return db.setAside('jobs', idOf(item), raw, read.reason);
    const { record } = read;
    const { changes } = db.run(
      INSERT_JOB.replace('INSERT', 'INSERT OR IGNORE'),
      record.id,
      (index + 1) * POSITION_GAP,
      record.status,
      record.taskId,
      record.updatedAt,
      JSON.stringify(record),
    );
    if (changes === 1) imported += 1;
    else db.setAside('jobs', record.id, raw, 'a second job with the same id');
  });
  return { imported, setAside: stored.length - imported, notAList: false };
}

function importLedger(db: AppDatabase, stored: unknown) {
  if (stored === undefined) return { imported: 0, setAside: 0, notAList: false };
  if (!Array.isArray(stored)) {
    db.setAside(
      'ledger',
      LEGACY_KEYS.ledger,
      JSON.stringify(stored),
      'the stored ledger is not a list',
    );
    return { imported: 0, setAside: 1, notAList: true };
  }
  let imported = 0;
  for (const item of stored) {
    const raw = JSON.stringify(item) ?? 'undefined';
    const entry = LegacyEntry.safeParse(item);
    if (!entry.success) {
      db.setAside(
        'ledger',
        null,
        raw,
        entry.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      );
      continue;
    }
    const { kind, jobId, taskId, cents, at } = entry.data;
    const { changes } = db.run(
      'INSERT OR IGNORE INTO ledger (kind, job_id, task_id, cents, at) VALUES (?, ?, ?, ?, ?)',
      kind,
      jobId,
      taskId,
      cents,
      at,
    );
    if (changes === 1) imported += 1;
    else db.setAside('ledger', taskId, raw, `a second ${kind} for the same task`);
  }
  return { imported, setAside: stored.length - imported, notAList: false };
}

/** Each item of a list (or the value whole) into `set_aside`; returns how many rows that made. */
function setAsideAll(
  db: AppDatabase,
  source: string,
  key: string,
  stored: unknown,
  reason: string,
): number {
  if (stored === undefined) return 0;
  const items = Array.isArray(stored) ? stored : [stored];
  for (const item of items)
    db.setAside(source, idOf(item) ?? key, JSON.stringify(item) ?? 'undefined', reason);
  return items.length;
}

function idOf(item: unknown): string | null {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
}

function forget(store: KeyValueStore, keys: readonly string[]): void {
  try {
    for (const key of keys) store.delete(key);
  } catch {
    // The import is committed and marked: the next start deletes what is left.
  }
}
