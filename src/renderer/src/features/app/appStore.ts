import { create } from 'zustand';
import type { AppInfo } from '../../../../shared/contract/contract';
import { api, onConnectionLost } from '../../api/client';

interface AppState {
  info: AppInfo | null;
  error: string | null;
  /** The browser host's connection closed. */
  disconnected: boolean;
  load: () => Promise<void>;
  start: () => () => void;
}

/** Facts about the running app (`app.info`): version, host, demo mode. */
export const useAppStore = create<AppState>((set) => ({
  info: null,
  error: null,
  disconnected: false,
  start: () => onConnectionLost(() => set({ disconnected: true })),
  async load() {
    try {
      set({ info: await api().invoke('app.info', {}), error: null });
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) });
    }
  },
}));
