import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppDatabase } from '../../src/main/core/db/database';
import { openDatabase, type OpenDatabaseOptions } from '../../src/main/core/db/openDatabase';

/**
 * A real database file in a fresh temporary folder. `reopen()` opens another connection to
 * the same file, as a restarted app would; `closeAll()` closes every connection made.
 */
export function tempDatabase(options: Partial<OpenDatabaseOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'airframe-db-'));
  const file = join(dir, 'airframe.db');
  const opened: AppDatabase[] = [];
  const open = (more: Partial<OpenDatabaseOptions> = {}) => {
    const result = openDatabase({
      file,
      now: () => Date.UTC(2026, 10, 24, 9),
      ...options,
      ...more,
    });
    opened.push(result.db);
    return result;
  };
  const first = open();
  return {
    dir,
    file,
    db: first.db,
    notices: first.notices,
    reopen: open,
    closeAll: () => Promise.all(opened.map((db) => db.close())),
  };
}
