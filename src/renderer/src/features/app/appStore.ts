import { create } from 'zustand';
import type { AppInfo } from '../../../../shared/contract/contract';
import { api } from '../../api/client';

interface AppState {
  info: AppInfo | null;
  error: string | null;
  load(): Promise<void>;
}

/** Facts about the running app (`app.info`): version, host, demo mode. */
export const useAppStore = create<AppState>((set) => ({
  info: null,
  error: null,
  async load() {
    try {
      set({ info: await api().invoke('app.info', {}), error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
}));
