import { z } from 'zod';

export const DEFAULT_API_BASE = 'https://api.airforce';

/** The user's settings as persisted. `version` drives the migrations in main. */
export const Settings = z.object({
  version: z.literal(2),
  apiBase: z.url({ protocol: /^https?$/ }),
  concurrency: z.int().min(1).max(4),
  notifications: z.boolean(),
  dailyBudgetCents: z.int().positive().nullable(),
  demo: z.boolean(),
  /** Closing the window keeps the app in the tray while jobs are unfinished. */
  runInBackground: z.boolean(),
  /** The library folder; null means the host's default (`<Videos>/Airframe`). */
  libraryFolder: z.string().max(4096).nullable(),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = {
  version: 2,
  apiBase: DEFAULT_API_BASE,
  concurrency: 4,
  notifications: true,
  dailyBudgetCents: null,
  demo: false,
  runInBackground: true,
  libraryFolder: null,
};

/** What a UI may change; the version is main's business. */
export const SettingsPatch = Settings.omit({ version: true, libraryFolder: true }).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/**
 * Where the key lives: encrypted by the OS secret store; only obfuscated on disk (Linux
 * without a keyring, and the user accepted it); in this session's memory only; a file only
 * the user can read (the browser host); or nowhere.
 */
export const KeyStorage = z.enum(['os-encrypted', 'obfuscated-on-disk', 'session-only', 'owner-only-file', 'none']);
export type KeyStorage = z.infer<typeof KeyStorage>;

/** What a UI sees: the settings and whether a key is stored, never the key. */
export const SettingsView = z.object({
  settings: Settings,
  hasApiKey: z.boolean(),
  keyStorage: KeyStorage,
  /** False where the OS offers no real secret store (Linux without a keyring). */
  secureStorageAvailable: z.boolean(),
});
export type SettingsView = z.infer<typeof SettingsView>;
