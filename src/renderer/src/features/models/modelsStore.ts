import { create } from 'zustand';
import type { ModelInfo } from '../../../../shared/rules';
import type { SettingsView } from '../../../../shared/settings';
import { api } from '../../api/client';
import { i18n } from '../../i18n';
import { failureText } from '../common/errors';

/**
 * The settings the models follow (the settings store, passed in by whoever starts both, so
 * this feature does not import the settings feature, whose screen reaches the library's).
 */
export interface SettingsSource {
  getState: () => { view: SettingsView | null };
  subscribe: (listener: (state: { view: SettingsView | null }) => void) => () => void;
}

interface ModelsStore {
  models: ModelInfo[];
  loading: boolean;
  loaded: boolean;
  error: string | null;
  /** No key and no demo: main has nobody to ask, so an empty list says nothing of the API. */
  needsKey: boolean;
  start: (settings: SettingsSource) => () => void;
  load: (refresh?: boolean) => Promise<void>;
}

const initial = { models: [], loading: false, loaded: false, error: null, needsKey: false };

/** Which backend answers `models.list`: a change of any of these means other models. */
const backendOf = (view: SettingsView) =>
  `${view.settings.apiBase}|${view.settings.demo}|${view.hasApiKey}`;
const needsKey = (view: SettingsView | null) =>
  view !== null && !view.hasApiKey && !view.settings.demo;

/** The video models of the configured backend (`models.list`), reloaded when the backend changes. */
export const useModelsStore = create<ModelsStore>((set, get) => ({
  ...initial,
  start(settings) {
    const current = settings.getState().view;
    let backend: string | null = current ? backendOf(current) : null;
    set({ needsKey: needsKey(current) });
    const off = settings.subscribe(({ view }) => {
      if (!view) return;
      if (needsKey(view) !== get().needsKey) set({ needsKey: needsKey(view) });
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
      set({
        loading: false,
        loaded: true,
        error: failureText(i18n.t('queue:stores.modelsFailed'), error),
      });
    }
  },
}));

export function resetModelsStoreForTests(): void {
  useModelsStore.setState(initial);
}

export const useModels = (): ModelInfo[] => useModelsStore((s) => s.models);
