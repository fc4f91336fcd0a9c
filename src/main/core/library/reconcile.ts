import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Clip, LibraryWarning } from '../../../shared/library';
import type { LibraryFs } from './libraryFs';
import type { ClipEntry, LibraryIndex } from './libraryIndex';
import { scanFolder } from './scan';

/** How far a pass over the folder is: sidecars looked at, of all the folder holds. */
export interface IndexProgress {
  folder: string;
  done: number;
  total: number;
  /** The last report of a pass. */
  finished: boolean;
  /** The index held nothing of this folder: the pass builds it (a large one takes seconds). */
  building: boolean;
}

export interface ReconcileResult {
  upserted: Clip[];
  /** Clip ids no longer in the folder. */
  removed: string[];
  warnings: LibraryWarning[];
}

class PassStopped extends Error {}

/**
 * Brings the index in line with the folder: lists it, stats the sidecars the index knows and
 * reads only those whose size or mtime changed (and new ones), writing one batch at a time
 * and yielding between batches so the app keeps answering. Nothing is written when nothing
 * changed. Null when `stopped` said so between two batches.
 */
export async function reconcile(options: {
  fs: LibraryFs;
  /** The folder's real path. */
  root: string;
  /** The folder as the user named it, for progress reports. */
  folder: string;
  index: LibraryIndex;
  onProgress?: (progress: IndexProgress) => void;
  stopped?: () => boolean;
}): Promise<ReconcileResult | null> {
  const { fs, root, folder, index, onProgress, stopped } = options;
  // After the caller's turn: a start shows the stored index before the pass reads it.
  await nextTurn();
  const known = index.known();
  const building = known.size === 0;
  const prompts = new Set<string>();
  const upserted: Clip[] = [];
  const warnings: LibraryWarning[] = [];
  const seenIds = new Set<string>();
  let seen: Set<string>;
  try {
    seen = await scanFolder(fs, root, known, async (batch) => {
      if (stopped?.()) throw new PassStopped();
      const fresh: ClipEntry[] = [];
      const posters: { base: string; hasPoster: boolean; id: string }[] = [];
      for (const found of batch.found) {
        seenIds.add(found.id);
        const old = known.get(found.base);
        if (found.entry === null) {
          if (old && old.hasPoster !== found.hasPoster) posters.push(found);
        } else if (
          !old ||
          old.stamp !== found.entry.stamp ||
          old.id !== found.id ||
          old.hasPoster !== found.entry.clip.hasPoster
        ) {
          fresh.push(found.entry);
        }
      }
      index.apply({ upserted: fresh, removed: [], posters }, { rankLater: true });
      for (const entry of fresh) prompts.add(entry.clip.prompt ?? '');
      upserted.push(...fresh.map((entry) => entry.clip));
      for (const { id } of posters) {
        const clip = index.get(id)?.clip;
        if (clip) upserted.push(clip);
      }
      warnings.push(...batch.warnings);
      const finished = batch.done === batch.total;
      onProgress?.({ folder, done: batch.done, total: batch.total, finished, building });
      // Let commands and events through between batches.
      if (!finished) await nextTurn();
    });
  } catch (error) {
    if (error instanceof PassStopped) return null;
    throw error;
  }
  if (prompts.size > 0) index.rankPrompts(prompts);
  const gone = [...known].filter(([base]) => !seen.has(base));
  index.apply({ upserted: [], removed: gone.map(([base]) => base), posters: [] });
  // A clip whose files were renamed is still there, under its new name.
  const removed = [...new Set(gone.map(([, clip]) => clip.id))].filter((id) => !seenIds.has(id));
  return { upserted, removed, warnings };
}
