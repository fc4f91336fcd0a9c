import { create } from 'zustand';
import type { LedgerTotals } from '../../../../shared/ledger';
import { api } from '../../api/client';
import { i18n } from '../../i18n';
import { failureText } from '../common/errors';

interface LedgerStore {
  totals: LedgerTotals | null;
  error: string | null;
  start: () => () => void;
}

const initial = { totals: null, error: null };

/** What has been spent and refunded (`ledger.totals`, `ledger.changed`). */
export const useLedgerStore = create<LedgerStore>((set) => ({
  ...initial,
  start() {
    const off = api().on('ledger.changed', (totals) => set({ totals, error: null }));
    api()
      .invoke('ledger.totals', {})
      .then((totals) => set((s) => ({ totals: s.totals ?? totals })))
      .catch((error: unknown) =>
        set({ error: failureText(i18n.t('queue:stores.ledgerFailed'), error) }),
      );
    return off;
  },
}));

export function resetLedgerStoreForTests(): void {
  useLedgerStore.setState(initial);
}

export const useLedgerTotals = (): LedgerTotals | null => useLedgerStore((s) => s.totals);
