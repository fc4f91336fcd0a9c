import { create } from 'zustand';

export const sections = ['Compose', 'Queue', 'Library', 'Settings'] as const;
export type Section = (typeof sections)[number];

/** Something a screen should bring into view once shown: a job or a batch in the queue. */
export type FocusTarget = { kind: 'job' | 'batch'; id: string };

interface NavStore {
  section: Section;
  focus: FocusTarget | null;
  go: (section: Section, focus?: FocusTarget) => void;
  /** The screen took the focus target into account. */
  focusHandled: () => void;
}

export const useNavStore = create<NavStore>((set) => ({
  section: 'Compose',
  focus: null,
  go: (section, focus) => set({ section, focus: focus ?? null }),
  focusHandled: () => set({ focus: null }),
}));

export function resetNavStoreForTests(): void {
  useNavStore.setState({ section: 'Compose', focus: null });
}

/** For code outside components (a store, a helper). */
export const go: NavStore['go'] = (section, focus) => useNavStore.getState().go(section, focus);

export const useGo = (): NavStore['go'] => useNavStore((s) => s.go);
