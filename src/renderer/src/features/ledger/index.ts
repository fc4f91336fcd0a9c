/** What has been spent, from main's ledger. */
export { useLedgerStore, useLedgerTotals } from './ledgerStore';
