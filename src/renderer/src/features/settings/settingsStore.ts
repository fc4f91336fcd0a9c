import { create } from 'zustand';
import type { SettingsPatch, SettingsView } from '../../../../shared/settings';
import { api } from '../../api/client';
import { errorText } from '../common/errors';

interface SettingsStore {
  view: SettingsView | null;
  error: string | null;
  start: () => () => void;
  update: (patch: SettingsPatch) => Promise<void>;
  /** Checked against the API by main; throws with the API's reason when refused. */
  setApiKey: (apiKey: string, sessionOnly?: boolean) => Promise<void>;
  clearApiKey: () => Promise<void>;
}

const initial = { view: null, error: null };

/** Settings as main shares them (`settings.get`, `settings.changed`): never the key itself. */
export const useSettingsStore = create<SettingsStore>((set) => ({
  ...initial,
  start() {
    const off = api().on('settings.changed', (view) => set({ view, error: null }));
    api()
      .invoke('settings.get', {})
      .then((view) => set((s) => ({ view: s.view ?? view, error: null })))
      // The reason only: Settings says what failed in the UI's language when it shows it.
      .catch((error: unknown) => set({ error: errorText(error) }));
    return off;
  },
  async update(patch) {
    set({ view: await api().invoke('settings.update', patch) });
  },
  async setApiKey(apiKey, sessionOnly = false) {
    set({ view: await api().invoke('settings.setApiKey', { apiKey, sessionOnly }) });
  },
  async clearApiKey() {
    set({ view: await api().invoke('settings.clearApiKey', {}) });
  },
}));

export function resetSettingsStoreForTests(): void {
  useSettingsStore.setState(initial);
}

export const useSettingsView = (): SettingsView | null => useSettingsStore((s) => s.view);
