import { apiBaseIssue, defaultSettings, Settings, type Language } from '../../../shared/settings';
import { apiBaseText, english, type Messages } from '../i18n';
import type { KeyValueStore } from '../ports';
import { CURRENT_SETTINGS_VERSION, migrate, storedVersion } from './migrations';

const KEY = 'settings';

/**
 * Settings as persisted in the key-value store, with a schema version. Older versions are
 * migrated step by step after a backup (`settings.backup.v<N>`); a stored value that cannot
 * be read or migrated is kept under `settings.backup` and replaced by the defaults, so a bad
 * file never stops the app from starting.
 */
export class SettingsService {
  private current: Settings;
  private readonly overrides: Partial<Omit<Settings, 'version'>>;

  constructor(
    private readonly store: KeyValueStore,
    overrides: Partial<Omit<Settings, 'version'>> = {},
    /** The messages a language setting means (the refusal below is shown at start). */
    messagesFor: (language: Language) => Messages = () => english,
  ) {
    const stored = this.read();
    // A base given on the command line or in the environment obeys the same rule as one
    // typed in: refused loudly at start rather than sent the key over plain http.
    const issue = overrides.apiBase === undefined ? null : apiBaseIssue(overrides.apiBase);
    if (issue) {
      const { t } = messagesFor(overrides.language ?? stored.language);
      const problem = apiBaseText(t, issue);
      throw new Error(t('apiBase.refusedAtStart', { apiBase: overrides.apiBase ?? '', problem }));
    }
    this.overrides = overrides;
    this.current = { ...stored, ...overrides };
  }

  get(): Settings {
    return this.current;
  }

  /** Saves a change. Start-up overrides stay in effect for this run but are not written. */
  update(patch: Partial<Omit<Settings, 'version'>>): Settings {
    const next = Settings.parse({ ...this.current, ...patch });
    const persisted = { ...this.read(), ...patch, version: CURRENT_SETTINGS_VERSION };
    this.store.set(KEY, Settings.parse(persisted));
    this.current = next;
    return this.current;
  }

  private read(): Settings {
    const stored = this.store.get(KEY);
    if (stored === undefined) return defaultSettings;
    if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return this.reset(stored);
    const version = storedVersion(stored as Record<string, unknown>);
    if (version > CURRENT_SETTINGS_VERSION) return this.reset(stored);
    let migrated: unknown = stored;
    if (version < CURRENT_SETTINGS_VERSION) {
      this.store.set(`${KEY}.backup.v${version}`, stored);
      try {
        migrated = migrate(stored as Record<string, unknown>);
      } catch {
        return this.reset(stored);
      }
    }
    const parsed = Settings.safeParse({ ...defaultSettings, ...(migrated as object) });
    if (!parsed.success) return this.reset(stored);
    if (version < CURRENT_SETTINGS_VERSION) this.store.set(KEY, parsed.data);
    return parsed.data;
  }

  private reset(stored: unknown): Settings {
    this.store.set(`${KEY}.backup`, stored);
    return defaultSettings;
  }
}
