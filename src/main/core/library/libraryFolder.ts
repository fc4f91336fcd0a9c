import { join } from 'node:path';
import type { Clip, LibraryWarning } from '../../../shared/library';
import type { Clock, TimerHandle } from '../ports';
import { openInside, OutsideLibraryError } from './containment';
import { errorCode, type LibraryFs, type ReadableFile } from './libraryFs';
import type { AppDatabase } from '../db/database';
import { memoryDatabase } from '../db/memoryDatabase';
import { clipFileNames, LibraryIndex, makeEntry, type ClipEntry } from './libraryIndex';
import { clipFiles, clipIdFor, isPlainFileName } from './naming';
import { reconcile, type IndexProgress } from './reconcile';
import { stampOf } from './scan';
import { serializeSidecar, type Sidecar } from './sidecar';

export interface FolderChange {
  upserted: Clip[];
  removed: string[];
  /** The whole library was (re)loaded: a UI should search again. */
  reloaded: boolean;
}

export interface LibraryFolderOptions {
  folder: string;
  fs: LibraryFs;
  clock: Clock;
  onChange(change: FolderChange): void;
  /** Quiet time after a change on disk before rescanning (editors write in bursts). */
  rescanDelayMs?: number;
  /** The index's file (`openIndexDatabase`), kept between runs; none: one in memory, built afresh. */
  db?: AppDatabase;
  /** How far a pass over the folder is (a first build of a large library takes seconds). */
  onProgress?: (progress: IndexProgress) => void;
}

/** More changes than this from one pass are told as a reload (search again), not one by one. */
const MANY_CHANGES = 1000;

/**
 * The library folder and its index. The sidecars are the truth: the index is rebuilt from
 * them and follows what happens to the folder outside the app. Every change to the folder
 * goes through `exclusive`, so a rescan never reads half of one.
 */
export class LibraryFolder {
  readonly index: LibraryIndex;
  private current: string;
  /** `current` with its links resolved, once: every file is reached from here. */
  private root: string;
  private currentWarnings: LibraryWarning[] = [];
  private lock: Promise<unknown> = Promise.resolve();
  private unwatch: (() => void) | null = null;
  private rescanTimer: TimerHandle | null = null;
  private closed = false;
  /** The pass started by `open`, for whoever needs the folder read (downloads, benchmarks). */
  private pass: Promise<void> = Promise.resolve();
  /** The index held nothing of this folder at `open`, and its first pass has not ended. */
  building = false;

  constructor(private readonly options: LibraryFolderOptions) {
    this.current = options.folder;
    this.root = options.folder;
    this.index = new LibraryIndex(options.db ?? memoryDatabase(), options.folder);
  }

  get folder(): string {
    return this.current;
  }
  get warnings(): LibraryWarning[] {
    return this.currentWarnings;
  }
  get fs(): LibraryFs {
    return this.options.fs;
  }

  /**
   * Opens the folder (creating it when missing) and starts following it. The index stored
   * for it is used at once, and a pass in the background reconciles what changed on disk
   * meanwhile (`reconciled`). An index never built for this folder is built by that pass
   * too (`building` until it ends), its clips shown batch by batch as they land.
   */
  async open(): Promise<void> {
    await this.options.fs.mkdir(this.current);
    this.root = await this.options.fs.realpath(this.current);
    this.building = this.index.size === 0;
    this.pass = this.exclusive(() => this.scan(this.building)).catch((error: unknown) => {
      // Unreadable: a stored index stays until the next change shows it; none is said so.
      if (this.building) this.currentWarnings = [{ file: this.current, message: String(error) }];
    });
    void this.pass.then(() => (this.building = false));
    this.watch();
  }

  /** Resolves once the pass `open` started has brought the index in line with the folder. */
  reconciled(): Promise<void> {
    return this.pass;
  }

  /** Stops following the folder; a pass under way stops at its next batch. */
  async close(): Promise<void> {
    this.closed = true;
    this.unwatch?.();
    this.unwatch = null;
    if (this.rescanTimer) this.options.clock.clearTimeout(this.rescanTimer);
    this.rescanTimer = null;
    await this.lock;
  }

  /** A file of the library by name; a name with a separator would leave the folder. */
  path(file: string): string {
    if (!isPlainFileName(file)) throw new Error(`Not a library file name: ${file}`);
    return join(this.root, file);
  }

  /** A file to read (or a link to one inside), null when missing; a link out throws. */
  openFile(file: string): Promise<ReadableFile | null> {
    return openInside(this.options.fs, this.root, this.path(file));
  }

  /** Whether the library has this file to read (a link out does not count). */
  async has(file: string): Promise<boolean> {
    try {
      const opened = await this.openFile(file);
      await opened?.close();
      return opened !== null;
    } catch {
      return false;
    }
  }

  entry(clipId: string): ClipEntry | undefined {
    return this.index.get(clipId);
  }

  /** Reads the folder again, re-reading only sidecars that changed since they were read. */
  rescan(): Promise<void> {
    return this.exclusive(() => this.scan(false));
  }

  /**
   * Writes a clip's sidecar (its media is in place) and indexes it. A clip the index has
   * (found by a pass meanwhile) keeps its sidecar: it holds the user's favourite and tags.
   */
  writeClip(base: string, sidecar: Sidecar): Promise<Clip> {
    return this.exclusive(async () => {
      const saved = this.index.get(clipIdFor(sidecar.taskId));
      return saved ? saved.clip : this.write(base, sidecar);
    });
  }

  /** Rewrites one clip's sidecar with `change` applied to its latest version; unknown fields are kept. */
  updateSidecar(clipId: string, change: (sidecar: Sidecar) => Sidecar): Promise<Clip | null> {
    return this.exclusive(async () => {
      const entry = this.index.get(clipId);
      return entry ? this.write(entry.base, change(entry.sidecar)) : null;
    });
  }

  /** Deletes a clip's files, the sidecar first so a crash halfway never shows a broken clip. */
  removeClip(clipId: string): Promise<boolean> {
    return this.exclusive(async () => {
      const entry = this.index.get(clipId);
      if (!entry) return false;
      for (const file of clipFileNames(entry)) await this.options.fs.remove(this.path(file));
      this.index.delete(clipId);
      this.options.onChange({ upserted: [], removed: [clipId], reloaded: false });
      return true;
    });
  }

  /**
   * Moves every clip's files (and unfinished `.part` downloads) to `folder` and adopts what
   * is already there. A clip present on both sides keeps the copy at the destination; the
   * other one stays where it was, so nothing is lost. Only files the library owns move.
   */
  moveTo(folder: string): Promise<void> {
    return this.exclusive(async () => {
      const fs = this.options.fs;
      await fs.mkdir(folder);
      const root = await fs.realpath(folder);
      const existing = new Set((await fs.list(root)).map((entry) => entry.name));
      const partFiles = (await fs.list(this.root))
        .filter((entry) => entry.kind === 'file' && PART_FILE.test(entry.name))
        .map((entry) => entry.name);
      for (const entry of this.index.entries()) {
        if (existing.has(clipFiles(entry.base).sidecar)) continue;
        const files = clipFileNames(entry).reverse(); // the sidecar last: it makes the clip visible
        for (const file of files) await this.moveFile(file, join(root, file));
      }
      for (const file of partFiles) {
        if (!existing.has(file)) await this.moveFile(file, join(root, file));
      }
      this.unwatch?.();
      this.index.clear();
      this.current = folder;
      this.root = root;
      this.index.useFolder(folder);
      await this.scan(true);
      this.watch();
    });
  }

  private async scan(reloaded: boolean): Promise<void> {
    const { fs, onProgress } = this.options;
    const result = await reconcile({
      fs,
      root: this.root,
      folder: this.current,
      index: this.index,
      onProgress: (progress) => {
        onProgress?.(progress);
        // A first build shows each batch as it lands; the end is told below.
        if (progress.building && !progress.finished)
          this.options.onChange({ upserted: [], removed: [], reloaded: true });
      },
      stopped: () => this.closed,
    });
    // Stopped by `close`: what it wrote stays, the rest is read at the next start.
    if (!result) return;
    const { upserted, removed, warnings } = result;
    this.currentWarnings = warnings;
    if (!reloaded && upserted.length === 0 && removed.length === 0) return;
    const many = upserted.length + removed.length > MANY_CHANGES;
    this.options.onChange(
      reloaded || many
        ? { upserted: [], removed, reloaded: true }
        : { upserted, removed, reloaded: false },
    );
  }

  private async write(base: string, sidecar: Sidecar): Promise<Clip> {
    const fs = this.options.fs;
    const file = this.path(clipFiles(base).sidecar);
    await fs.writeFileAtomic(file, serializeSidecar(sidecar));
    const info = await fs.stat(file);
    const hasPoster = await this.has(clipFiles(base).poster);
    const entry = makeEntry(base, sidecar, hasPoster, info ? stampOf(info) : '');
    this.index.set(entry);
    this.options.onChange({ upserted: [entry.clip], removed: [], reloaded: false });
    return entry.clip;
  }

  private watch(): void {
    if (this.closed) return;
    this.unwatch?.();
    this.unwatch = this.options.fs.watch(this.root, (file) => {
      // The app's own downloads and atomic writes change nothing a rescan would see.
      if (file === null || !WORK_FILE.test(file)) this.scheduleRescan();
    });
  }

  private scheduleRescan(): void {
    const clock = this.options.clock;
    if (this.closed) return;
    if (this.rescanTimer) clock.clearTimeout(this.rescanTimer);
    this.rescanTimer = clock.setTimeout(() => {
      this.rescanTimer = null;
      this.rescan().catch(() => {
        // The folder vanished or became unreadable: the index keeps what it knew until the next change.
      });
    }, this.options.rescanDelayMs ?? 500);
  }

  /**
   * One file to the new folder. A link is not moved as a link (it would point elsewhere from
   * there): the file it leads to inside is copied; a link out stays, its target never copied.
   */
  private async moveFile(file: string, to: string): Promise<void> {
    const fs = this.options.fs;
    const from = this.path(file);
    const entry = await fs.stat(from);
    if (!entry) return;
    if (entry.kind === 'link') {
      const target = await this.openFile(file).catch((error: unknown) => {
        if (error instanceof OutsideLibraryError) return null;
        throw error;
      });
      if (!target) return;
      await fs.copyFile(target, to);
      await fs.remove(from);
      return;
    }
    try {
      await fs.rename(from, to);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return;
      if (errorCode(error) !== 'EXDEV') throw error;
      // Another disk: copy, and remove the original only once the copy is complete.
      await fs.copyFile(await fs.openRead(from), to);
      await fs.remove(from);
    }
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.lock.then(work, work);
    this.lock = run.catch(() => undefined);
    return run;
  }
}

/** Unfinished downloads (`<name>.mp4.part`, its `.meta`): they resume in the new place. */
const PART_FILE = /\.(mp4|jpg)\.part(\.meta)?$/;
const WORK_FILE = /\.(part|meta|tmp)$/;
