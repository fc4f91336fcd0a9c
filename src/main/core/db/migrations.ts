import type { DatabaseSync } from 'node:sqlite';

/**
 * One step of the schema, from `version - 1` to `version`. A new version is one more entry:
 * `{ version: 2, up: (db) => db.exec('ALTER TABLE …') }`. Each runs in its own transaction
 * with `user_version`, after a backup of the database as it was.
 */
export interface Migration {
  version: number;
  up(db: DatabaseSync): void;
  /** The step freed much space: the file is compacted (VACUUM) once the steps are done. */
  vacuum?: boolean;
}

/**
 * v1. Times are ms since epoch; money is cents (REAL: a price per second may be
 * fractional). `jobs.data` is the whole JobRecord as JSON, so a record field needs no
 * migration; the other columns are what queries and order need.
 */
const V1 = `
CREATE TABLE jobs (
  id TEXT PRIMARY KEY NOT NULL,
  position REAL NOT NULL,
  status TEXT NOT NULL,
  task_id TEXT,
  updated_at INTEGER NOT NULL,
  data TEXT NOT NULL
) STRICT;
CREATE INDEX jobs_by_position ON jobs (position);
CREATE INDEX jobs_by_task ON jobs (task_id) WHERE task_id IS NOT NULL;

CREATE TABLE ledger (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('debit', 'refund')),
  job_id TEXT NOT NULL,
  task_id TEXT NOT NULL,
  cents REAL NOT NULL CHECK (cents >= 0),
  at INTEGER NOT NULL,
  UNIQUE (task_id, kind)
) STRICT;
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
  BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
  BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;

CREATE TABLE server_tasks (
  task_id TEXT PRIMARY KEY NOT NULL,
  model TEXT,
  status TEXT NOT NULL,
  created INTEGER,
  expires_at INTEGER,
  cost_cents REAL,
  first_seen_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  dismissed INTEGER NOT NULL DEFAULT 0 CHECK (dismissed IN (0, 1))
) STRICT;

CREATE TABLE meta (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE set_aside (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  key TEXT,
  raw TEXT NOT NULL,
  reason TEXT NOT NULL,
  at INTEGER NOT NULL
) STRICT;
`;

/** v2. Demo spend is booked apart: it is free, and never counts in the real totals or budget. */
const V2 = `ALTER TABLE ledger ADD COLUMN demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1));`;

/** v4. The index's tables, children first (their rows point at library_clips). */
const DROP_LIBRARY_TABLES = `
DROP TABLE IF EXISTS library_text;
DROP TABLE IF EXISTS library_tags;
DROP TABLE IF EXISTS library_sidecars;
DROP TABLE IF EXISTS library_clips;
DROP TABLE IF EXISTS library_prompts;
`;

/**
 * v5. "Clear finished" moves ended jobs to the history: the row stays (its task stays owned,
 * so it is never offered as unclaimed nor adopted again), marked with when it was cleared;
 * the queue loads only unmarked rows. The history is read newest first.
 */
const V5 = `
ALTER TABLE jobs ADD COLUMN cleared_at INTEGER;
CREATE INDEX jobs_history ON jobs (updated_at DESC, id) WHERE cleared_at IS NOT NULL;
`;

/**
 * v6. Batches: jobs queued together and managed as one. A job names its batch in its JSON
 * (`data.batch`); the batch's own state is here: paused (kept across restarts), the job
 * whose failure stopped it, and when it last drained (its notification went out).
 */
const V6 = `
CREATE TABLE batches (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  on_failure TEXT NOT NULL CHECK (on_failure IN ('continue', 'stop')),
  size INTEGER NOT NULL CHECK (size > 0),
  created_at INTEGER NOT NULL,
  paused INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
  stopped_by TEXT,
  done_at INTEGER
) STRICT;
`;

/**
 * v7. Several API keys (issue 18): each ledger row names the key that paid; rows written
 * before have none (null: the first key, the only one there was).
 */
const V7 = `ALTER TABLE ledger ADD COLUMN key_id TEXT;`;

export const migrations: readonly Migration[] = [
  { version: 1, up: (db) => db.exec(V1) },
  { version: 2, up: (db) => db.exec(V2) },
  // v3 held the library's index for a while; it has its own file now (indexDatabase.ts),
  // so a new database skips it and v4 drops it from those that have it.
  { version: 3, up: () => {} },
  { version: 4, up: (db) => db.exec(DROP_LIBRARY_TABLES), vacuum: true },
  { version: 5, up: (db) => db.exec(V5) },
  { version: 6, up: (db) => db.exec(V6) },
  { version: 7, up: (db) => db.exec(V7) },
];

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  return row.user_version;
}

export class NewerSchemaError extends Error {
  constructor(found: number, known: number) {
    super(
      `The job database was written by a newer Airframe (schema v${found}; this version knows up to v${known}). ` +
        'Update Airframe to open it; the file was left as it is.',
    );
    this.name = 'NewerSchemaError';
  }
}

/**
 * Brings the database to the newest version. `beforeMigrating` runs once, before the
 * first step, when there is anything to migrate — not for a database just created.
 */
export function migrate(
  db: DatabaseSync,
  list: readonly Migration[] = migrations,
  beforeMigrating?: (from: number, to: number) => void,
): { from: number; to: number } {
  const from = schemaVersion(db);
  const to = list.at(-1)?.version ?? 0;
  if (from > to) throw new NewerSchemaError(from, to);
  const steps = list.filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  if (steps.length > 0 && from > 0) beforeMigrating?.(from, to);
  for (const step of steps) {
    db.exec('BEGIN IMMEDIATE');
    try {
      step.up(db);
      // PRAGMA takes no bound parameters; the version is our own integer.
      db.exec(`PRAGMA user_version = ${Math.trunc(step.version)}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
  // Outside any transaction, as SQLite requires; a database just created has nothing to free.
  if (from > 0 && steps.some((step) => step.vacuum)) db.exec('VACUUM');
  return { from, to };
}
