import { useEffect } from 'react';
import { useAppStore } from '../app/appStore';
import { useJobsStore } from '../jobs/jobsStore';
import { useLedgerStore } from '../ledger/ledgerStore';
import { useLibraryStore } from '../library/libraryStore';
import { useModelsStore } from '../models/modelsStore';
import { useTimesStore } from '../queue/timesStore';
import { useSettingsStore } from '../settings/settingsStore';
import { useToastsStore } from '../toasts/toastsStore';

/** Each domain store subscribes to its events, then loads its snapshot; all stop on unmount. */
export function useStartStores(): void {
  useEffect(() => {
    const stops = [
      useAppStore.getState().start(),
      useSettingsStore.getState().start(),
      useModelsStore.getState().start(),
      useJobsStore.getState().start(),
      useTimesStore.getState().start(),
      useLedgerStore.getState().start(),
      useLibraryStore.getState().start(),
      useToastsStore.getState().start(),
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
