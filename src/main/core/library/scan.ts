import { join } from 'node:path';
import type { LibraryWarning } from '../../../shared/library';
import { errorCode, type FileInfo, type LibraryFs } from './libraryFs';
import { makeEntry, type ClipEntry } from './libraryIndex';
import { clipFiles, isPlainFileName } from './naming';
import { parseSidecar } from './sidecar';

export interface ScanResult {
  entries: ClipEntry[];
  warnings: LibraryWarning[];
}

/**
 * Reads the library from the folder: every `<base>.json` that sits next to a `<base>.mp4`.
 * A sidecar that cannot be read becomes a warning, never an error. `known` (the current
 * index by base name) lets a rescan skip sidecars whose size and mtime did not change.
 */
export async function scanFolder(
  fs: LibraryFs,
  folder: string,
  known: ReadonlyMap<string, ClipEntry>,
): Promise<ScanResult> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { entries: [], warnings: [] };
    throw error;
  }
  const present = new Set(names);
  // A JSON file without a video next to it is not a clip (or its video was deleted).
  const bases = names
    .filter((name) => name.endsWith('.json') && isPlainFileName(name))
    .map((name) => name.slice(0, -'.json'.length))
    .filter((base) => present.has(clipFiles(base).video))
    .sort();

  const results = await readClips(fs, folder, bases, present, known);

  const entries: ClipEntry[] = [];
  const warnings: LibraryWarning[] = [];
  const ids = new Map<string, string>();
  for (const result of results) {
    if (result === null) continue;
    if ('message' in result) {
      warnings.push(result);
      continue;
    }
    const first = ids.get(result.clip.id);
    if (first !== undefined) {
      warnings.push({
        file: clipFiles(result.base).sidecar,
        message: `same task as ${clipFiles(first).sidecar}; skipped`,
      });
      continue;
    }
    ids.set(result.clip.id, result.base);
    entries.push(result);
  }
  return { entries, warnings };
}

/**
 * Each base's entry, a warning, or null (gone). A sidecar the index already knows is only
 * stat'ed, and read again if it changed; a new one is read at once (its stamp comes along).
 */
async function readClips(
  fs: LibraryFs,
  folder: string,
  bases: readonly string[],
  present: ReadonlySet<string>,
  known: ReadonlyMap<string, ClipEntry>,
): Promise<(ClipEntry | LibraryWarning | null)[]> {
  const pathOf = (base: string) => join(folder, clipFiles(base).sidecar);
  const knownBases = bases.filter((base) => known.has(base));
  const stats = await fs.statMany(knownBases.map(pathOf));
  const infos = new Map(knownBases.map((base, slot) => [base, stats[slot]]));
  const toRead = bases.filter((base) => {
    const info = infos.get(base);
    if (!known.has(base)) return true;
    return info && !(info instanceof Error) && known.get(base)?.stamp !== stampOf(info);
  });
  const read = await fs.readMany(toRead.map(pathOf));
  const files = new Map(toRead.map((base, slot) => [base, read[slot]]));
  const decoder = new TextDecoder();

  return bases.map((base) => {
    const file = clipFiles(base).sidecar;
    const hasPoster = present.has(clipFiles(base).poster);
    const info = infos.get(base);
    if (info instanceof Error) return { file, message: info.message };
    const content = files.get(base);
    if (content === undefined) {
      const old = known.get(base);
      if (!old || !info) return null;
      return old.clip.hasPoster === hasPoster
        ? old
        : makeEntry(base, old.sidecar, hasPoster, old.stamp);
    }
    if (content instanceof Error) {
      return errorCode(content) === 'ENOENT' ? null : { file, message: content.message };
    }
    const parsed = parseSidecar(decoder.decode(content.bytes));
    return parsed.ok
      ? makeEntry(base, parsed.sidecar, hasPoster, stampOf(content.info))
      : { file, message: parsed.message };
  });
}

/** What a sidecar looked like on disk: a rescan re-reads it only when this changed. */
export const stampOf = (info: FileInfo): string => `${info.size}:${info.mtimeMs}`;
