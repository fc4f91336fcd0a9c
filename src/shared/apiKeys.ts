import { z } from 'zod';

/** The id of the first key: the one `settings.setApiKey` sets and jobs of earlier versions use. */
export const FIRST_KEY_ID = 'default';

/** At most this many keys: each is a paid account the user keeps apart, not a pool to grow. */
export const MAX_KEYS = 20;

/**
 * How a key stands with the provider, as the engine last heard: `refused` (401, the key is
 * wrong or revoked) and `balance-low` (402) hold that key's jobs only.
 */
export const KeyState = z.enum(['ok', 'refused', 'balance-low']);
export type KeyState = z.infer<typeof KeyState>;

/** A key as a UI sees it: its name and last four characters, never the key. */
export const KeyView = z.object({
  id: z.string(),
  name: z.string(),
  lastFour: z.string().max(4),
  /** How many of its tasks may be on the server at once (the provider allows 4 per key). */
  concurrency: z.int().min(1).max(4),
  /** What this key may spend a day; null: no limit of its own (the overall budget still holds). */
  dailyBudgetCents: z.int().positive().nullable(),
  state: KeyState,
  /** What it spent, net of refunds: today (what its budget guards) and in all. */
  spentTodayCents: z.number(),
  spentTotalCents: z.number(),
});
export type KeyView = z.infer<typeof KeyView>;

const KeyId = z.string().min(1).max(100);

/** The key a job or batch is pinned to (`jobs.submit`, `jobs.submitBatch`); none: the engine picks. */
export const PinnedKeyId = KeyId.optional();
const KeyName = z.string().trim().min(1).max(100);

export const KeysAddRequest = z
  .object({
    name: KeyName,
    apiKey: z.string().trim().min(8).max(500),
    sessionOnly: z.boolean().default(false),
  })
  .strict();

export const KeysUpdateRequest = z
  .object({
    id: KeyId,
    name: KeyName.optional(),
    concurrency: z.int().min(1).max(4).optional(),
    dailyBudgetCents: z.int().positive().nullable().optional(),
  })
  .strict();

export const KeysRemoveRequest = z.object({ id: KeyId }).strict();

export const KeysList = z.object({ keys: z.array(KeyView) });
export type KeysList = z.infer<typeof KeysList>;
