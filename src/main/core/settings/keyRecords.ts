import { z } from 'zod';
import { FIRST_KEY_ID, MAX_KEYS } from '../../../shared/apiKeys';
import type { Settings } from '../../../shared/settings';
import type { KeyValueStore } from '../ports';

const STORE_KEY = 'apiKeys';

/**
 * A key as kept in the settings store: everything but the secret (that is in the secret
 * store under the same id). The first key's concurrency is the `concurrency` setting and
 * its origin `apiKeyOrigin`, as before there were several; for it these two fields are unused.
 */
export const KeyRecord = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(100),
  concurrency: z.int().min(1).max(4),
  dailyBudgetCents: z.int().positive().nullable(),
  /** The origin the key was checked against: it is sent there and nowhere else. */
  origin: z.string().max(2048).nullable(),
});
export type KeyRecord = z.infer<typeof KeyRecord>;

const StoredKeys = z.object({
  version: z.literal(1),
  keys: z
    .array(KeyRecord)
    .max(MAX_KEYS)
    .refine((keys) => keys[0]?.id === FIRST_KEY_ID, 'The first key comes first'),
});

/** The single key of earlier versions, as the first key: "Default", with the app's concurrency. */
export function firstKeyRecord(settings: Settings): KeyRecord {
  return {
    id: FIRST_KEY_ID,
    name: 'Default',
    concurrency: settings.concurrency,
    dailyBudgetCents: null,
    origin: null,
  };
}

/**
 * The keys' records. The first start of a version with several keys finds none and writes
 * the first key's (the key itself stays where it was: it is the first key's secret). A value
 * that does not read is kept under `apiKeys.backup` and replaced by the first key alone:
 * the other keys' secrets are then unreachable, never sent anywhere.
 */
export function loadKeyRecords(store: KeyValueStore, settings: Settings): KeyRecord[] {
  const stored = store.get(STORE_KEY);
  if (stored !== undefined) {
    const parsed = StoredKeys.safeParse(stored);
    if (parsed.success) return parsed.data.keys;
    store.set(`${STORE_KEY}.backup`, stored);
  }
  const keys = [firstKeyRecord(settings)];
  saveKeyRecords(store, keys);
  return keys;
}

export function saveKeyRecords(store: KeyValueStore, keys: readonly KeyRecord[]): void {
  store.set(STORE_KEY, StoredKeys.parse({ version: 1, keys }));
}
