import { useEffect } from 'react';
import { useAppStore } from '../app';
import { useJobsStore } from '../jobs';
import { useKeysStore } from '../keys';
import { useLedgerStore } from '../ledger';
import { useLibraryStore } from '../library';
import { useModelsStore } from '../models';
import { useBatchesStore, useTimesStore } from '../queue';
import { followLanguage, followTheme, useSettingsStore } from '../settings';
import { useToastsStore } from '../toasts';

/** Each domain store subscribes to its events, then loads its snapshot; all stop on unmount. */
export function useStartStores(): void {
  useEffect(() => {
    const stops = [
      useAppStore.getState().start(),
      useSettingsStore.getState().start(),
      useKeysStore.getState().start(),
      useModelsStore.getState().start(useSettingsStore),
      useJobsStore.getState().start(),
      useTimesStore.getState().start(),
      useBatchesStore.getState().start(),
      useLedgerStore.getState().start(),
      useLibraryStore.getState().start(),
      useToastsStore.getState().start(),
      followTheme(),
      followLanguage(),
    ];
    void useAppStore.getState().load();
    // The footer's "demo mode" follows the setting.
    const offApp = useSettingsStore.subscribe((s, before) => {
      if (before.view && s.view && s.view.settings.demo !== before.view.settings.demo)
        void useAppStore.getState().load();
    });
    return () => {
      stops.forEach((stop) => stop());
      offApp();
    };
  }, []);
}
