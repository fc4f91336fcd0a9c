import { lazy } from 'react';

/** The library screen, its folder settings, and opening a clip from anywhere. */
/** Loaded when first shown (a chunk of its own, with the player): render it under `<Suspense>`. */
export const Library = lazy(() => loadLibrary().then((m) => ({ default: m.Library })));
/** Fetches the library screen's chunk ahead of need (once; later calls share it). */
export const loadLibrary = () => import('./Library');
export { LibraryFolder } from './LibraryFolder';
export { useLibraryStore } from './libraryStore';
export { openClip } from './openClip';
