import { defaultSettings, Settings, type SettingsPatch } from '../../../shared/settings';
import type { KeyValueStore } from '../ports';

const KEY = 'settings';

/**
 * Settings as persisted in the key-value store. Reading is forgiving: a stored value that
 * no longer parses is kept under `settings.backup` and replaced by the defaults, so a bad
 * file never stops the app from starting.
 */
export class SettingsService {
  private current: Settings;

  constructor(
    private readonly store: KeyValueStore,
    overrides: Partial<Omit<Settings, 'version'>> = {},
  ) {
    this.current = { ...this.read(), ...overrides };
  }

  get(): Settings {
    return this.current;
  }

  update(patch: SettingsPatch): Settings {
    this.current = Settings.parse({ ...this.current, ...patch });
    this.store.set(KEY, this.current);
    return this.current;
  }

  private read(): Settings {
    const stored = this.store.get(KEY);
    if (stored === undefined) return defaultSettings;
    const parsed = Settings.safeParse({ ...defaultSettings, ...(stored as object) });
    if (parsed.success) return parsed.data;
    this.store.set(`${KEY}.backup`, stored);
    return defaultSettings;
  }
}
