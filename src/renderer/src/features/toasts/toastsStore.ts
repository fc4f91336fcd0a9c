import { create } from 'zustand';
import type { z } from 'zod';
import type { NotificationShown } from '../../../../shared/contract/contract';
import { api } from '../../api/client';
import { openClip } from '../library';
import { go } from '../nav';
import { useSettingsStore } from '../settings';
import { playDrainTone } from './drainSound';

export type Notification = z.infer<typeof NotificationShown>;
export interface Toast extends Notification {
  key: number;
}

interface ToastsStore {
  toasts: Toast[];
  start: () => () => void;
  dismiss: (key: number) => void;
}

/** Keeps the newest few: a burst of finished jobs should not bury the screen. */
const MAX_TOASTS = 4;
let nextKey = 1;

/** The host's notifications (`notification.shown`) as in-app toasts. */
export const useToastsStore = create<ToastsStore>((set) => ({
  toasts: [],
  start() {
    const offShown = api().on('notification.shown', (notification) => {
      set((s) => ({
        toasts: [...s.toasts, { ...notification, key: nextKey++ }].slice(-MAX_TOASTS),
      }));
      if (notification.kind === 'drained' && useSettingsStore.getState().view?.settings.drainSound)
        playDrainTone();
    });
    const offClicked = api().on('notification.clicked', showNotified);
    return () => {
      offShown();
      offClicked();
    };
  },
  dismiss: (key) => set((s) => ({ toasts: s.toasts.filter((t) => t.key !== key) })),
}));

/**
 * What a notification is about: its clip in the library, else its batch (a drained batch) or
 * its job in the queue.
 */
export function showNotified(notification: Notification): void {
  if (notification.clipId) openClip(notification.clipId);
  else if (notification.batchId) go('Queue', { kind: 'batch', id: notification.batchId });
  else go('Queue', { kind: 'job', id: notification.jobId });
}

export function resetToastsStoreForTests(): void {
  useToastsStore.setState({ toasts: [] });
}

export const useToasts = (): Toast[] => useToastsStore((s) => s.toasts);
