import { create } from 'zustand';
import type { ModelInfo } from '../../../../shared/rules';
import type { SettingsView } from '../../../../shared/settings';
import { api } from '../../api/client';
import { useSettingsStore } from '../settings/settingsStore';
import { errorText } from '../common/errors';

interface ModelsStore {
  models: ModelInfo[];
  loading: boolean;
  loaded: boolean;
  error: string | null;
  start(): () => void;
  load(refresh?: boolean): Promise<void>;
}

const initial = { models: [], loading: false, loaded: false, error: null };

/** Which backend answers `models.list`: a change of any of these means other models. */
const backendOf = (view: SettingsView) =>
  `${view.settings.apiBase}|${view.settings.demo}|${view.hasApiKey}`;

/** The video models of the configured backend (`models.list`), reloaded when the backend changes. */
export const useModelsStore = create<ModelsStore>((set, get) => ({
  ...initial,
  start() {
    const current = useSettingsStore.getState().view;
    let backend: string | null = current ? backendOf(current) : null;
    const off = useSettingsStore.subscribe(({ view }) => {
      if (!view) return;
      const next = backendOf(view);
      if (backend !== null && next !== backend) void get().load(true);
      backend = next;
    });
    void get().load();
    return off;
  },
  async load(refresh = false) {
    set({ loading: true });
    try {
      const { models } = await api().invoke('models.list', { refresh });
      set({ models, loading: false, loaded: true, error: null });
    } catch (error) {
      set({ loading: false, loaded: true, error: errorText(error) });
    }
  },
}));

export function resetModelsStoreForTests(): void {
  useModelsStore.setState(initial);
}

export const useModels = (): ModelInfo[] => useModelsStore((s) => s.models);
