import { z } from 'zod';
import { apiBaseIssue, apiBaseProblem, DEFAULT_API_BASE } from './apiBase';

export {
  DEFAULT_API_BASE,
  isLoopbackHost,
  apiBaseIssue,
  apiBaseProblem,
  apiOrigin,
  type ApiBaseIssue,
} from './apiBase';

const ApiBase = z.url({ protocol: /^https?$/ }).superRefine((apiBase, context) => {
  const issue = apiBaseIssue(apiBase);
  // `params` carries the issue as data, so a host can answer in the user's language.
  if (issue)
    context.addIssue({
      code: 'custom',
      message: apiBaseProblem(apiBase) ?? '',
      params: { apiBaseIssue: issue },
    });
});

/** The look: follow the OS's light or dark preference, or keep one. */
export const Theme = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof Theme>;

/** The UI's language: follow the OS (desktop) or browser (browser host) locale, or keep one. */
export const Language = z.enum(['system', 'en', 'nl']);
export type Language = z.infer<typeof Language>;

/** The user's settings as persisted. `version` drives the migrations in main. */
export const Settings = z.object({
  version: z.literal(3),
  apiBase: ApiBase,
  /**
   * The origin the stored API key was checked against (`settings.setApiKey`): the key is
   * sent there and nowhere else. Not a secret; set by main only, never by a UI.
   */
  apiKeyOrigin: z.string().max(2048).nullable(),
  /** The key was forgotten because the API base moved to this origin; cleared by a new key. */
  apiKeyForgottenFor: z.string().max(2048).nullable(),
  concurrency: z.int().min(1).max(4),
  notifications: z.boolean(),
  dailyBudgetCents: z.int().positive().nullable(),
  demo: z.boolean(),
  /** Closing the window keeps the app in the tray while jobs are unfinished. */
  runInBackground: z.boolean(),
  /** The library folder; null means the host's default (`<Videos>/Airframe`). */
  libraryFolder: z.string().max(4096).nullable(),
  /**
   * Added within version 3 without a migration: a stored file that lacks it reads as the
   * default, because main parses what it read over `defaultSettings`.
   */
  theme: Theme,
  /** Added within version 3 like `theme`: a stored file that lacks it reads as 'system'. */
  language: Language,
  /** A short tone when a batch or the whole queue drains; added within version 3 like `theme`. */
  drainSound: z.boolean(),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = {
  version: 3,
  apiBase: DEFAULT_API_BASE,
  apiKeyOrigin: null,
  apiKeyForgottenFor: null,
  concurrency: 4,
  notifications: true,
  dailyBudgetCents: null,
  demo: false,
  runInBackground: true,
  libraryFolder: null,
  theme: 'system',
  language: 'system',
  drainSound: false,
};

/** What a UI may change; the version and where the key may go are main's business. */
export const SettingsPatch = Settings.omit({
  version: true,
  libraryFolder: true,
  apiKeyOrigin: true,
  apiKeyForgottenFor: true,
})
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/**
 * Where the key lives: encrypted by the OS secret store; only obfuscated on disk (Linux
 * without a keyring, and the user accepted it); in this session's memory only; a file only
 * the user can read (the browser host); or nowhere.
 */
export const KeyStorage = z.enum([
  'os-encrypted',
  'obfuscated-on-disk',
  'session-only',
  'owner-only-file',
  'none',
]);
export type KeyStorage = z.infer<typeof KeyStorage>;

/** What a UI sees: the settings and whether a key is stored, never the key. */
export const SettingsView = z.object({
  settings: Settings,
  /** A key is stored and may be sent to the current API base. */
  hasApiKey: z.boolean(),
  keyStorage: KeyStorage,
  /** False where the OS offers no real secret store (Linux without a keyring). */
  secureStorageAvailable: z.boolean(),
  /** Why there is no usable key although one was entered (the API base changed), for the user. */
  apiKeyNotice: z.string().optional(),
});
export type SettingsView = z.infer<typeof SettingsView>;
