import { go } from '../nav';
import { useLibraryStore } from './libraryStore';

/** Shows a clip from anywhere (a notification, a saved job): the library, with that clip open. */
export function openClip(clipId: string): void {
  go('Library');
  void useLibraryStore.getState().select(clipId);
}
