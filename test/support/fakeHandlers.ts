import { commandNames, type Handlers } from '../../src/shared/contract';
import { UserError } from '../../src/shared/contract/result';
import { defaultSettings, type SettingsView } from '../../src/shared/settings';

/** A full handler table for tests that care about a few commands: the rest answer `unavailable`. */
export function fakeHandlers(overrides: Partial<Handlers>): Handlers {
  const table = Object.fromEntries(
    commandNames.map((name) => [
      name,
      async () => {
        throw new UserError('unavailable', `${name} is not part of this test`);
      },
    ]),
  );
  return { ...table, ...overrides } as Handlers;
}

/** A settings view as main would answer it, for tests. */
export function settingsView(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    settings: defaultSettings,
    hasApiKey: false,
    keyStorage: 'none',
    secureStorageAvailable: true,
    ...overrides,
  };
}
