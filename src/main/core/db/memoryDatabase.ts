import { DatabaseSync } from 'node:sqlite';
import { AppDatabase } from './database';
import { indexSchema } from './libraryTables';

/**
 * A library index that lives only in memory: for a library opened without an index file
 * (tools, tests), whose index is then rebuilt from the sidecars each time.
 */
export function memoryDatabase(now: () => number = Date.now): AppDatabase {
  const sqlite = new DatabaseSync(':memory:', { enableForeignKeyConstraints: true });
  indexSchema(sqlite);
  return new AppDatabase(':memory:', sqlite, { now });
}
