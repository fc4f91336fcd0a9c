import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { KeyView } from '../../../../shared/apiKeys';
import { api } from '../../api/client';
import { errorText } from '../common/errors';

interface KeysStore {
  /** The keys as main shares them (`keys.list`, `keys.changed`): names and last four only. */
  keys: KeyView[] | null;
  error: string | null;
  /** The key Compose pins its jobs to; null: any key. */
  pin: string | null;
  start: () => () => void;
  /** Checked against the API by main; throws with the API's reason when refused. */
  add: (name: string, apiKey: string) => Promise<KeyView>;
  update: (
    id: string,
    patch: { name?: string; concurrency?: number; dailyBudgetCents?: number | null },
  ) => Promise<void>;
  remove: (id: string) => Promise<void>;
  setPin: (pin: string | null) => void;
}

const initial = { keys: null, error: null, pin: null };

export const useKeysStore = create<KeysStore>((set, get) => ({
  ...initial,
  start() {
    const off = api().on('keys.changed', ({ keys }) => set({ keys, error: null }));
    api()
      .invoke('keys.list', {})
      .then(({ keys }) => set((s) => ({ keys: s.keys ?? keys, error: null })))
      .catch((error: unknown) => set({ error: errorText(error) }));
    return off;
  },
  async add(name, apiKey) {
    const key = await api().invoke('keys.add', { name, apiKey });
    set((s) => ({ keys: [...(s.keys ?? []).filter((k) => k.id !== key.id), key] }));
    return key;
  },
  async update(id, patch) {
    const key = await api().invoke('keys.update', { id, ...patch });
    set((s) => ({ keys: (s.keys ?? []).map((k) => (k.id === id ? key : k)) }));
  },
  async remove(id) {
    const { removed } = await api().invoke('keys.remove', { id });
    if (removed) set((s) => ({ keys: (s.keys ?? []).filter((k) => k.id !== id) }));
    if (get().pin === id) set({ pin: null });
  },
  setPin: (pin) => set({ pin }),
}));

export function resetKeysStoreForTests(): void {
  useKeysStore.setState(initial);
}

/** The keys, or none while they load. */
export const useKeys = (): KeyView[] => useKeysStore(useShallow((s) => s.keys ?? []));

/**
 * The name of a job's key when there are several to tell apart; null with one key, and for
 * a job bound to none yet (it goes to any key with a free slot).
 */
export function useKeyName(keyId: string | null | undefined): string | null {
  return useKeysStore((s) => {
    const keys = s.keys ?? [];
    if (keys.length < 2 || !keyId) return null;
    return keys.find((k) => k.id === keyId)?.name ?? null;
  });
}
