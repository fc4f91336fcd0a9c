import { api } from '../../api/client';
import { errorText } from '../common/errors';
import { useLibraryStore } from './libraryStore';

export interface BulkFailure {
  clipId: string;
  /** Main's reason, already in the UI's language. */
  reason: string;
}

export interface BulkOutcome {
  done: string[];
  failed: BulkFailure[];
}

/**
 * Runs one per-clip command for each clip in turn (never two at once: main writes each
 * sidecar, and a failure stays with its clip), telling the progress after each.
 */
export async function inSequence(
  clipIds: readonly string[],
  act: (clipId: string) => Promise<unknown>,
  onProgress: (done: number) => void,
): Promise<BulkOutcome> {
  const outcome: BulkOutcome = { done: [], failed: [] };
  for (const clipId of clipIds) {
    try {
      await act(clipId);
      outcome.done.push(clipId);
    } catch (error) {
      outcome.failed.push({ clipId, reason: errorText(error) });
    }
    onProgress(outcome.done.length + outcome.failed.length);
  }
  return outcome;
}

/** The clip's tags, from the grid when it is loaded there, else from main. */
async function tagsOf(clipId: string): Promise<string[]> {
  const loaded = useLibraryStore.getState().clips.find((c) => c?.id === clipId);
  return (loaded ?? (await api().invoke('library.get', { clipId }))).tags;
}

/** `library.tag` with the clip's tags and one more (a clip that has it already is left alone). */
export async function addTag(clipId: string, tag: string): Promise<void> {
  const tags = await tagsOf(clipId);
  if (!tags.includes(tag)) await useLibraryStore.getState().setTags(clipId, [...tags, tag]);
}

/** `library.delete` without the search after each one: the caller searches once at the end. */
export async function deleteClip(clipId: string, remote: boolean): Promise<void> {
  await api().invoke('library.delete', { clipId, remote });
}
