/** The settings screen, the first-run screen, and the settings as main shares them. */
export { FirstRun } from './FirstRun';
export { Settings } from './Settings';
export { useSettingsStore, useSettingsView } from './settingsStore';
export { followTheme } from './theme';
export { followLanguage } from './language';
