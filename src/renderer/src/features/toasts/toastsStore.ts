import { create } from 'zustand';
import type { z } from 'zod';
import type { NotificationShown } from '../../../../shared/contract/contract';
import { api } from '../../api/client';

export type Notification = z.infer<typeof NotificationShown>;
export interface Toast extends Notification {
  key: number;
}

interface ToastsStore {
  toasts: Toast[];
  start(): () => void;
  dismiss(key: number): void;
}

/** Keeps the newest few: a burst of finished jobs should not bury the screen. */
const MAX_TOASTS = 4;
let nextKey = 1;

/** The host's notifications (`notification.shown`) as in-app toasts. */
export const useToastsStore = create<ToastsStore>((set) => ({
  toasts: [],
  start() {
    return api().on('notification.shown', (notification) =>
      set((s) => ({ toasts: [...s.toasts, { ...notification, key: nextKey++ }].slice(-MAX_TOASTS) })),
    );
  },
  dismiss: (key) => set((s) => ({ toasts: s.toasts.filter((t) => t.key !== key) })),
}));

export function resetToastsStoreForTests(): void {
  useToastsStore.setState({ toasts: [] });
}

export const useToasts = (): Toast[] => useToastsStore((s) => s.toasts);
