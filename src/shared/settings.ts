import { z } from 'zod';

export const DEFAULT_API_BASE = 'https://api.airforce';

/** The user's settings as persisted. `version` drives the migrations in main. */
export const Settings = z.object({
  version: z.literal(1),
  apiBase: z.url({ protocol: /^https?$/ }),
  concurrency: z.int().min(1).max(4),
  notifications: z.boolean(),
  dailyBudgetCents: z.int().positive().nullable(),
  demo: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = {
  version: 1,
  apiBase: DEFAULT_API_BASE,
  concurrency: 4,
  notifications: true,
  dailyBudgetCents: null,
  demo: false,
};

/** What a UI may change; the version is main's business. */
export const SettingsPatch = Settings.omit({ version: true }).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** What a UI sees: the settings and whether a key is stored, never the key. */
export const SettingsView = z.object({
  settings: Settings,
  hasApiKey: z.boolean(),
});
export type SettingsView = z.infer<typeof SettingsView>;
