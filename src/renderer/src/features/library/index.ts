/** The library screen, its folder settings, and opening a clip from anywhere. */
export { Library } from './Library';
export { LibraryFolder } from './LibraryFolder';
export { useLibraryStore } from './libraryStore';
export { openClip } from './openClip';
