/**
 * Settings migrations, one step per version. Each takes the stored object of version N and
 * returns version N+1; `migrate` runs the steps in order. The caller keeps a backup of what
 * it read before migrating (STYLE.md, after LosslessCut's configStore).
 */
import { apiBaseProblem, apiOrigin, DEFAULT_API_BASE } from '../../../shared/settings';

type Stored = Record<string, unknown>;

const steps: Record<number, (settings: Stored) => Stored> = {
  // 0 → 1: the first versioned shape. Before it, `apiUrl` named the base and there was no version.
  0: ({ apiUrl, ...rest }) => ({
    ...rest,
    ...(typeof apiUrl === 'string' ? { apiBase: apiUrl } : {}),
    version: 1,
  }),
  // 1 → 2: keep running in the tray while jobs are unfinished (on by default); the library
  // folder becomes a setting (null: the host's default).
  1: (settings) => ({ ...settings, runInBackground: true, libraryFolder: null, version: 2 }),
  // 2 → 3: the key is bound to the origin it was checked against. A key saved before was
  // checked against the base then configured, so it stays bound there. A plain http base
  // to another machine is refused from now on: back to the default, and the key it was
  // given is bound nowhere (the user is told and enters it again).
  2: (settings) => {
    const apiBase =
      typeof settings['apiBase'] === 'string' ? settings['apiBase'] : DEFAULT_API_BASE;
    if (apiBaseProblem(apiBase) === null)
      return {
        ...settings,
        apiKeyOrigin: apiOrigin(apiBase),
        apiKeyForgottenFor: null,
        version: 3,
      };
    return {
      ...settings,
      apiBase: DEFAULT_API_BASE,
      apiKeyOrigin: null,
      apiKeyForgottenFor: apiOrigin(DEFAULT_API_BASE),
      version: 3,
    };
  },
};

export const CURRENT_SETTINGS_VERSION = 3;

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
