import { lazy } from 'react';

/** The settings screen, the first-run screen, and the settings as main shares them. */
export { FirstRun } from './FirstRun';
/** Loaded when first shown (a chunk of its own): render it under `<Suspense>`. */
export const Settings = lazy(() => loadSettings().then((m) => ({ default: m.Settings })));
/** Fetches the settings screen's chunk ahead of need (once; later calls share it). */
export const loadSettings = () => import('./Settings');
export { useSettingsStore, useSettingsView } from './settingsStore';
export { followTheme } from './theme';
export { followLanguage } from './language';
