import type { DatabaseSync } from 'node:sqlite';

/** The index file's schema version: a file of another version is built again from the sidecars. */
export const INDEX_SCHEMA_VERSION = 1;

/**
 * The library's index (its own file, see `indexDatabase.ts`): a cache of the sidecars in the library folder, one row per clip,
 * keyed by the folder (the setting's value) so moving the library never mixes two folders.
 * Its columns are what searches filter and sort on, computed once when the row is written;
 * the parsed sidecar (JSON) is in `library_sidecars`, so a search that reads every row reads
 * narrow ones. `haystack` is the lower-cased prompt, task
 * id and tags (what a search's words must appear in), indexed by FTS5 with trigrams so a
 * word matches anywhere inside, as `includes` does. `library_prompts` holds each prompt's
 * place in a locale sort (see `promptOrder.ts`), copied to `prompt_rank`, so sorting by
 * prompt walks an index like every other sort.
 */
export const LIBRARY_TABLES = `
CREATE TABLE library_clips (
  id INTEGER PRIMARY KEY,
  folder TEXT NOT NULL,
  base TEXT NOT NULL,
  clip_id TEXT NOT NULL,
  stamp TEXT NOT NULL,
  has_poster INTEGER NOT NULL CHECK (has_poster IN (0, 1)),
  haystack TEXT NOT NULL,
  prompt TEXT NOT NULL,
  prompt_rank REAL,
  model TEXT NOT NULL,
  mode TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  cost REAL NOT NULL,
  favourite INTEGER NOT NULL CHECK (favourite IN (0, 1)),
  UNIQUE (folder, base),
  UNIQUE (folder, clip_id)
) STRICT;
CREATE INDEX library_clips_by_date ON library_clips (folder, created_at, clip_id);
CREATE INDEX library_clips_by_prompt ON library_clips (folder, prompt_rank, created_at, clip_id);
CREATE INDEX library_clips_by_model ON library_clips (folder, model, created_at, clip_id);
CREATE INDEX library_clips_by_cost ON library_clips (folder, cost, created_at, clip_id);

CREATE TABLE library_sidecars (
  clip INTEGER PRIMARY KEY REFERENCES library_clips (id) ON DELETE CASCADE,
  sidecar TEXT NOT NULL
) STRICT;

CREATE TABLE library_tags (
  clip INTEGER NOT NULL REFERENCES library_clips (id) ON DELETE CASCADE,
  tag TEXT NOT NULL,
  PRIMARY KEY (tag, clip)
) STRICT, WITHOUT ROWID;
CREATE INDEX library_tags_by_clip ON library_tags (clip);

CREATE VIRTUAL TABLE library_text USING fts5 (
  haystack, content = 'library_clips', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER library_clips_ai AFTER INSERT ON library_clips BEGIN
  INSERT INTO library_text (rowid, haystack) VALUES (new.id, new.haystack);
END;
CREATE TRIGGER library_clips_ad AFTER DELETE ON library_clips BEGIN
  INSERT INTO library_text (library_text, rowid, haystack) VALUES ('delete', old.id, old.haystack);
END;
CREATE TRIGGER library_clips_au AFTER UPDATE OF haystack ON library_clips BEGIN
  INSERT INTO library_text (library_text, rowid, haystack) VALUES ('delete', old.id, old.haystack);
  INSERT INTO library_text (rowid, haystack) VALUES (new.id, new.haystack);
END;

CREATE TABLE library_prompts (
  prompt TEXT PRIMARY KEY NOT NULL,
  rank REAL NOT NULL
) STRICT;
CREATE INDEX library_prompts_by_rank ON library_prompts (rank);
`;

/** What `AppDatabase` keeps of its own (when the last commit reached the disk). */
const META = `CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) STRICT;`;

/** Creates the index's tables in an empty database, with its version. */
export function indexSchema(db: DatabaseSync): void {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(LIBRARY_TABLES);
    db.exec(META);
    db.exec(`PRAGMA user_version = ${INDEX_SCHEMA_VERSION}`);
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
