import { join } from 'node:path';
import type { LibraryWarning } from '../../../shared/library';
import { openInside, OutsideLibraryError, resolveLink } from './containment';
import { errorCode, type EntryKind, type FileInfo, type LibraryFs } from './libraryFs';
import { makeEntry, type ClipEntry, type KnownClip } from './libraryIndex';
import { clipFiles, isPlainFileName } from './naming';
import { parseSidecar } from './sidecar';

/** A clip the scan found: read afresh (`entry`), or known and unchanged (its poster may be). */
export type ScanFound =
  | { base: string; id: string; entry: ClipEntry }
  | { base: string; id: string; entry: null; hasPoster: boolean };

/** One batch of the scan, in base-name order. */
export interface ScanBatch {
  found: ScanFound[];
  warnings: LibraryWarning[];
  /** Sidecars looked at so far, of `total`. */
  done: number;
  total: number;
}

/** Sidecars looked at per batch: each batch is one write to the index and one progress step. */
export const SCAN_BATCH = 2000;

/**
 * Reads the library from the folder (its real path): every `<base>.json` that sits next to a
 * `<base>.mp4`. A sidecar that cannot be read becomes a warning, never an error; so does a
 * clip file that links outside the folder, which counts as absent. `known` (the index by
 * base name) lets it skip sidecars whose size and mtime did not change: those are only
 * stat'ed. Hands over batches in base-name order (awaiting each); a second sidecar of the
 * same task is skipped with a warning. Resolves with the bases it found.
 */
export async function scanFolder(
  fs: LibraryFs,
  folder: string,
  known: ReadonlyMap<string, KnownClip>,
  onBatch: (batch: ScanBatch) => void | Promise<void>,
): Promise<Set<string>> {
  let listing: { name: string; kind: EntryKind }[];
  try {
    listing = await fs.list(folder);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
    listing = [];
  }
  const { present, links, warnings } = await clipFilesIn(fs, folder, listing);
  // A JSON file without a video next to it is not a clip (or its video was deleted).
  const bases = [...present]
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .filter((base) => present.has(clipFiles(base).video))
    .sort();
  const seen = new Set<string>();
  const ids = new Map<string, string>();
  for (let at = 0; at === 0 || at < bases.length; at += SCAN_BATCH) {
    const slice = bases.slice(at, at + SCAN_BATCH);
    const results = await readClips(fs, folder, slice, present, links, known);
    const found: ScanFound[] = [];
    const batchWarnings = at === 0 ? warnings : [];
    for (const result of results) {
      if (result === null) continue;
      if ('message' in result) {
        batchWarnings.push(result);
        continue;
      }
      const first = ids.get(result.id);
      if (first !== undefined) {
        batchWarnings.push({
          file: clipFiles(result.base).sidecar,
          message: `same task as ${clipFiles(first).sidecar}; skipped`,
        });
        continue;
      }
      ids.set(result.id, result.base);
      seen.add(result.base);
      found.push(result);
    }
    await onBatch({
      found,
      warnings: batchWarnings,
      done: at + slice.length,
      total: bases.length,
    });
  }
  return seen;
}

const CLIP_FILE = /\.(json|mp4|jpg)$/;

/**
 * The names that count: plain files, and links to a file inside the folder (`links`). A link
 * out is a warning; a dangling one is simply absent. Only names a clip could use are looked
 * at: a library rarely holds a link, so resolving them one by one costs nothing.
 */
async function clipFilesIn(
  fs: LibraryFs,
  folder: string,
  listing: readonly { name: string; kind: EntryKind }[],
): Promise<{ present: Set<string>; links: Set<string>; warnings: LibraryWarning[] }> {
  const present = new Set<string>();
  const links = new Set<string>();
  const warnings: LibraryWarning[] = [];
  for (const { name, kind } of listing) {
    if (!isPlainFileName(name)) continue;
    if (kind === 'file') present.add(name);
    if (kind !== 'link' || !CLIP_FILE.test(name)) continue;
    try {
      const real = await resolveLink(fs, folder, join(folder, name));
      if ((await fs.stat(real))?.kind !== 'file') continue;
      present.add(name);
      links.add(name);
    } catch (error) {
      if (error instanceof OutsideLibraryError)
        warnings.push({
          file: name,
          message: 'links to a file outside the library folder; ignored',
        });
      else if (errorCode(error) !== 'ENOENT')
        warnings.push({
          file: name,
          message: error instanceof Error ? error.message : String(error),
        });
    }
  }
  return { present, links, warnings };
}

/** A sidecar that is a link (inside: checked again as it is opened). */
async function readLinked(
  fs: LibraryFs,
  folder: string,
  path: string,
): Promise<{ bytes: Uint8Array; info: FileInfo } | Error> {
  try {
    const file = await openInside(fs, folder, path);
    if (!file) return Object.assign(new Error(`${path} is gone`), { code: 'ENOENT' });
    return { info: file.info, bytes: await file.read() };
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Each base's clip, a warning, or null (gone). A sidecar the index already knows is only
 * stat'ed, and read again if it changed; a new one is read at once (its stamp comes along).
 */
async function readClips(
  fs: LibraryFs,
  folder: string,
  bases: readonly string[],
  present: ReadonlySet<string>,
  links: ReadonlySet<string>,
  known: ReadonlyMap<string, KnownClip>,
): Promise<(ScanFound | LibraryWarning | null)[]> {
  const pathOf = (base: string) => join(folder, clipFiles(base).sidecar);
  // A linked sidecar is read again each time: where it leads is checked on every read.
  const linked = (base: string) => links.has(clipFiles(base).sidecar);
  const knownBases = bases.filter((base) => known.has(base) && !linked(base));
  const stats = await fs.statMany(knownBases.map(pathOf));
  const infos = new Map(knownBases.map((base, slot) => [base, stats[slot]]));
  const toRead = bases.filter((base) => {
    const info = infos.get(base);
    if (!known.has(base) || linked(base)) return true;
    return info && !(info instanceof Error) && known.get(base)?.stamp !== stampOf(info);
  });
  const plain = toRead.filter((base) => !linked(base));
  const read = await fs.readMany(plain.map(pathOf));
  const files = new Map(plain.map((base, slot) => [base, read[slot]]));
  for (const base of toRead.filter(linked))
    files.set(base, await readLinked(fs, folder, pathOf(base)));
  const decoder = new TextDecoder();

  return bases.map((base): ScanFound | LibraryWarning | null => {
    const file = clipFiles(base).sidecar;
    const hasPoster = present.has(clipFiles(base).poster);
    const info = infos.get(base);
    if (info instanceof Error) return { file, message: info.message };
    const content = files.get(base);
    if (content === undefined) {
      const old = known.get(base);
      return old && info ? { base, id: old.id, entry: null, hasPoster } : null;
    }
    if (content instanceof Error) {
      return errorCode(content) === 'ENOENT' ? null : { file, message: content.message };
    }
    const parsed = parseSidecar(decoder.decode(content.bytes));
    if (!parsed.ok) return { file, message: parsed.message };
    const entry = makeEntry(base, parsed.sidecar, hasPoster, stampOf(content.info));
    return { base, id: entry.clip.id, entry };
  });
}

/** What a sidecar looked like on disk: a rescan re-reads it only when this changed. */
export const stampOf = (info: FileInfo): string => `${info.size}:${info.mtimeMs}`;
