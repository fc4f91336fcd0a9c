import { dirname } from 'node:path';
import { isTaskId } from '../../../shared/library';
import type { LibraryFs } from './libraryFs';
import { makeEntry, type ClipEntry } from './libraryIndex';
import { isPlainFileName } from './naming';
import type { Sidecar } from './sidecar';

/**
 * The index as last seen, kept in the app's data folder (not the user's library), so a start
 * reads one file instead of every sidecar. Never trusted beyond a hint: an entry is used only
 * while its sidecar is on disk with the very size and mtime it had when it was read.
 */
const CACHE_VERSION = 1;

interface CachedEntry {
  base: string;
  stamp: string;
  sidecar: Sidecar;
}

export async function readIndexCache(
  fs: LibraryFs,
  file: string,
  folder: string,
): Promise<Map<string, ClipEntry>> {
  const known = new Map<string, ClipEntry>();
  let raw: { version?: unknown; folder?: unknown; entries?: unknown };
  try {
    raw = JSON.parse(new TextDecoder().decode(await fs.readFile(file))) as typeof raw;
  } catch {
    return known;
  }
  if (raw?.version !== CACHE_VERSION || raw.folder !== folder || !Array.isArray(raw.entries))
    return known;
  for (const item of raw.entries as Partial<CachedEntry>[]) {
    const { base, stamp, sidecar } = item ?? {};
    if (typeof base !== 'string' || !isPlainFileName(`${base}.json`) || typeof stamp !== 'string')
      continue;
    if (!isTaskId(sidecar?.taskId)) continue;
    try {
      // The poster is looked at again by the scan; false is only a placeholder.
      known.set(base, makeEntry(base, sidecar, false, stamp));
    } catch {
      // Not the shape this version writes: that sidecar is simply read again.
    }
  }
  return known;
}

export async function writeIndexCache(
  fs: LibraryFs,
  file: string,
  folder: string,
  entries: Iterable<ClipEntry>,
): Promise<void> {
  const list: CachedEntry[] = [...entries].map(({ base, stamp, sidecar }) => ({
    base,
    stamp,
    sidecar,
  }));
  const text = JSON.stringify({ version: CACHE_VERSION, folder, entries: list });
  await fs.mkdir(dirname(file));
  await fs.writeFileAtomic(file, new TextEncoder().encode(text));
}
