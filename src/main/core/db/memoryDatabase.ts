import { DatabaseSync } from 'node:sqlite';
import { AppDatabase } from './database';
import { migrate } from './migrations';

/**
 * A database of the newest schema that lives only in memory: for a library opened without
 * the app's database (tools, tests), whose index is then rebuilt from the sidecars each time.
 */
export function memoryDatabase(now: () => number = Date.now): AppDatabase {
  const sqlite = new DatabaseSync(':memory:', { enableForeignKeyConstraints: true });
  migrate(sqlite);
  return new AppDatabase(':memory:', sqlite, { now });
}
