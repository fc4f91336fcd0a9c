/**
 * Settings migrations, one step per version. Each takes the stored object of version N and
 * returns version N+1; `migrate` runs the steps in order. The caller keeps a backup of what
 * it read before migrating (STYLE.md, after LosslessCut's configStore).
 */
type Stored = Record<string, unknown>;

const steps: Record<number, (settings: Stored) => Stored> = {
  // 0 → 1: the first versioned shape. Before it, `apiUrl` named the base and there was no version.
  0: ({ apiUrl, ...rest }) => ({ ...rest, ...(typeof apiUrl === 'string' ? { apiBase: apiUrl } : {}), version: 1 }),
  // 1 → 2: keep running in the tray while jobs are unfinished (on by default); the library
  // folder becomes a setting (null: the host's default).
  1: (settings) => ({ ...settings, runInBackground: true, libraryFolder: null, version: 2 }),
};

export const CURRENT_SETTINGS_VERSION = 2;

export function storedVersion(settings: Stored): number {
  return typeof settings['version'] === 'number' ? settings['version'] : 0;
}

export function migrate(settings: Stored): Stored {
  let current = settings;
  for (let version = storedVersion(current); version < CURRENT_SETTINGS_VERSION; version++) {
    const step = steps[version];
    if (!step) throw new Error(`No migration from settings version ${version}`);
    current = step(current);
  }
  return current;
}
