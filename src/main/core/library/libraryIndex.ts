import type { Clip, LibrarySearchQuery, LibrarySearchResponse } from '../../../shared/library';
import type { AppDatabase } from '../db/database';
import { searchSql } from './indexSearch';
import { clipFiles, isFrameFileOf, isPlainFileName } from './naming';
import { PromptOrder } from './promptOrder';
import { toClip, upgradeSidecar, type Sidecar } from './sidecar';

/** One clip as the library knows it: its view, its sidecar and where its files are. */
export interface ClipEntry {
  readonly clip: Clip;
  readonly sidecar: Sidecar;
  /** File name without extension; the sidecar is `<base>.json`, the video `<base>.mp4`. */
  readonly base: string;
  /** What the sidecar looked like on disk when read, so a rescan re-reads only changed ones. */
  readonly stamp: string;
}

/** What a rescan needs of a clip it already knows: whether to read its sidecar again. */
export interface KnownClip {
  readonly id: string;
  readonly stamp: string;
  readonly hasPoster: boolean;
}

/** What a rescan found different from the index. */
export interface IndexChanges {
  upserted: readonly ClipEntry[];
  /** By base name. */
  removed: readonly string[];
  posters: readonly { base: string; hasPoster: boolean }[];
}

export function makeEntry(
  base: string,
  sidecar: Sidecar,
  hasPoster: boolean,
  stamp: string,
): ClipEntry {
  return { clip: toClip(base, sidecar, hasPoster), sidecar, base, stamp };
}

interface Row {
  base: string;
  stamp: string;
  has_poster: number;
  sidecar: string;
}

const ROW =
  'SELECT c.base, c.stamp, c.has_poster, s.sidecar FROM library_clips c JOIN library_sidecars s ON s.clip = c.id';

/**
 * The library's index, in the app's database (`library_clips`, see `db/libraryTables.ts`):
 * one row per clip of the current folder, searched by SQL (FTS5 for words, precomputed sort
 * keys), so a start shows the index at once and a search never sorts in JavaScript. A cache
 * of the sidecars: rows are written only for what changed on disk or in the app.
 */
export class LibraryIndex {
  private readonly prompts: PromptOrder;
  private count: number | null = null;

  constructor(
    private readonly db: AppDatabase,
    private folderKey: string,
  ) {
    this.prompts = new PromptOrder(db);
  }

  /** Moves to another folder's rows (kept apart: a folder's index is its own). */
  useFolder(folder: string): void {
    this.folderKey = folder;
    this.count = null;
  }

  get size(): number {
    this.count ??=
      this.db.get<{ n: number }>(
        'SELECT COUNT(*) AS n FROM library_clips WHERE folder = ?',
        this.folderKey,
      )?.n ?? 0;
    return this.count;
  }

  get(id: string): ClipEntry | undefined {
    const row = this.db.get<Row>(`${ROW} WHERE c.folder = ? AND c.clip_id = ?`, this.folderKey, id);
    return row && toEntry(row);
  }

  /**
   * The clips that continue this one, oldest first. Read from the cached sidecars (no
   * column of its own): a scan of one folder's rows, asked only when one clip is opened.
   */
  children(id: string): Clip[] {
    const rows = this.db.all<Row>(
      `${ROW} WHERE c.folder = ? AND json_extract(s.sidecar, '$.parent.clipId') = ?
       ORDER BY c.created_at, c.clip_id`,
      this.folderKey,
      id,
    );
    return rows.map((row) => toEntry(row).clip);
  }

  *entries(): IterableIterator<ClipEntry> {
    const rows = this.db.all<Row>(`${ROW} WHERE c.folder = ? ORDER BY c.base`, this.folderKey);
    for (const row of rows) yield toEntry(row);
  }

  /** Every clip by base name, with just what a rescan compares. */
  known(): Map<string, KnownClip> {
    const rows = this.db.all<{ base: string; clip_id: string; stamp: string; has_poster: number }>(
      'SELECT base, clip_id, stamp, has_poster FROM library_clips WHERE folder = ?',
      this.folderKey,
    );
    return new Map(
      rows.map((row) => [
        row.base,
        { id: row.clip_id, stamp: row.stamp, hasPoster: row.has_poster === 1 },
      ]),
    );
  }

  set(entry: ClipEntry): void {
    this.apply({ upserted: [entry], removed: [], posters: [] });
  }

  delete(id: string): boolean {
    const { changes } = this.db.write(
      () =>
        this.db.run(
          'DELETE FROM library_clips WHERE folder = ? AND clip_id = ?',
          this.folderKey,
          id,
        ),
      { durable: false },
    );
    this.count = null;
    return changes > 0;
  }

  /** Forgets this folder's rows (the folder is no longer the library). */
  clear(): void {
    this.db.write(() => this.db.run('DELETE FROM library_clips WHERE folder = ?', this.folderKey), {
      durable: false,
    });
    this.count = null;
  }

  /**
   * Writes one batch of changes in one transaction (a cache: not waited onto the disk).
   * Nothing at all is written for an empty batch.
   */
  apply(changes: IndexChanges, options: { rankLater?: boolean } = {}): void {
    const { upserted, removed, posters } = changes;
    if (upserted.length + removed.length + posters.length === 0) return;
    const folder = this.folderKey;
    this.db.write(
      () => {
        for (const base of removed)
          this.db.run('DELETE FROM library_clips WHERE folder = ? AND base = ?', folder, base);
        for (const { base, hasPoster } of posters)
          this.db.run(
            'UPDATE library_clips SET has_poster = ? WHERE folder = ? AND base = ?',
            hasPoster ? 1 : 0,
            folder,
            base,
          );
        const ids = upserted.map((entry) => this.insert(entry));
        if (options.rankLater) return;
        if (this.prompts.place(upserted.map((entry) => entry.clip.prompt ?? ''))) this.copyRanks();
        else
          for (const id of ids)
            this.db.run(
              'UPDATE library_clips SET prompt_rank = (SELECT rank FROM library_prompts WHERE prompt = library_clips.prompt) WHERE id = ?',
              id,
            );
      },
      { durable: false },
    );
    this.count = null;
  }

  /** Ranks prompts written with `rankLater` (a pass ranks all its new prompts at once, at its end). */
  rankPrompts(prompts: Iterable<string>): void {
    this.db.write(
      () => {
        this.prompts.place(prompts);
        this.copyRanks();
      },
      { durable: false },
    );
  }

  /** Every row's copy of its prompt's rank, written only where it differs. */
  private copyRanks(): void {
    const rank = '(SELECT rank FROM library_prompts p WHERE p.prompt = library_clips.prompt)';
    this.db.run(`UPDATE library_clips SET prompt_rank = ${rank} WHERE prompt_rank IS NOT ${rank}`);
  }

  /** Filters, sorts and pages the clips, all in SQL. */
  search(query: LibrarySearchQuery): LibrarySearchResponse {
    const { where, params, order } = searchSql(this.folderKey, query);
    const total =
      this.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM library_clips c ${where}`, ...params)
        ?.n ?? 0;
    // The page's ids first, over narrow rows; then only those clips' sidecars.
    const page = this.db.all<{ id: number }>(
      `SELECT c.id FROM library_clips c ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
      ...params,
      query.limit,
      query.offset,
    );
    const rows = page.map((item) => this.db.get<Row>(`${ROW} WHERE c.id = ?`, item.id)!);
    return { total, clips: rows.map((row) => toEntry(row).clip) };
  }

  /** Writes the clip's row; returns its row id. Its prompt rank is copied in by the caller. */
  private insert(entry: ClipEntry): number {
    const { clip, base } = entry;
    const folder = this.folderKey;
    // One row per base and per clip id: whatever held either is replaced.
    this.db.run('DELETE FROM library_clips WHERE folder = ? AND base = ?', folder, base);
    this.db.run('DELETE FROM library_clips WHERE folder = ? AND clip_id = ?', folder, clip.id);
    const row = this.db.get<{ id: number }>(
      `INSERT INTO library_clips (folder, base, clip_id, stamp, has_poster, haystack,
         prompt, model, mode, created_at, cost, favourite)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      folder,
      base,
      clip.id,
      entry.stamp,
      clip.hasPoster ? 1 : 0,
      haystackOf(clip),
      clip.prompt ?? '',
      clip.model,
      clip.mode,
      clip.createdAt,
      // Unknown costs sort as the cheapest.
      clip.costCents ?? -1,
      clip.favourite ? 1 : 0,
    );
    this.db.run(
      'INSERT INTO library_sidecars (clip, sidecar) VALUES (?, ?)',
      row!.id,
      JSON.stringify(entry.sidecar),
    );
    for (const tag of clip.tags)
      this.db.run(
        'INSERT OR IGNORE INTO library_tags (clip, tag) VALUES (?, ?)',
        row!.id,
        tag.toLowerCase(),
      );
    return row!.id;
  }
}

/** Lower-cased prompt, task id and tags: what a search's words must each appear in. */
export const haystackOf = (clip: Clip): string =>
  [clip.prompt ?? '', clip.taskId, ...clip.tags].join('\n').toLowerCase();

function toEntry(row: Row): ClipEntry {
  // Written by `insert` from a sidecar already parsed: read back as it was stored (one cached
  // by an earlier version upgraded as a file of that version would be).
  const sidecar = upgradeSidecar(JSON.parse(row.sidecar)) as Sidecar;
  return makeEntry(row.base, sidecar, row.has_poster === 1, row.stamp);
}

/** Every file of a clip, the sidecar first. */
export function clipFileNames(entry: ClipEntry): string[] {
  const files = clipFiles(entry.base);
  const inputs = entry.sidecar.inputImages.flatMap((image) =>
    'file' in image && isPlainFileName(image.file) && image.file.startsWith(`${entry.base}.`)
      ? [image.file]
      : [],
  );
  const frames = (entry.sidecar.frames ?? [])
    .map((frame) => frame.file)
    .filter((file) => isFrameFileOf(entry.base, file));
  return [files.sidecar, files.video, files.poster, ...inputs, ...frames];
}
