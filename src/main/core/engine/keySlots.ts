import { FIRST_KEY_ID, type KeyState } from '../../../shared/apiKeys';
import { holdsSlot, type EngineState } from '../../../shared/jobs';
import { UserError } from '../../../shared/contract/result';
import type { Translate } from '../i18n';
import type { KeySlots } from './admission';
import type { Connectivity } from './connectivity';
import type { JobRepository } from './jobRepository';
import type { UnclaimedTasks } from './unclaimedTasks';
import type { EngineDeps, EngineKey } from './engineDeps';
import type { EngineStatus } from './engineStatus';
import type { Ledger } from './ledger';

/** The keys jobs may go out with; without the port, the first key with the app's concurrency. */
export function engineKeys(deps: EngineDeps): readonly EngineKey[] {
  return (
    deps.keys?.() ?? [
      { id: FIRST_KEY_ID, concurrency: deps.settings().concurrency, dailyBudgetCents: null },
    ]
  );
}

/**
 * The keys that may take submissions now, with what each spent today: not those blocked
 * (refused, balance too low). The demo is free: no budget of a key's guards it.
 */
export function openSlots(
  keys: readonly EngineKey[],
  status: EngineStatus,
  ledger: Ledger,
  now: number,
  demo: boolean,
): KeySlots[] {
  return keys
    .filter((key) => !status.blocked(key.id))
    .map((key) => ({
      id: key.id,
      concurrency: key.concurrency,
      dailyBudgetCents: demo ? null : key.dailyBudgetCents,
      spentTodayCents: ledger.spentBy(key.id, now).todayCents,
    }));
}

interface StateSource {
  readonly repo: JobRepository;
  readonly status: EngineStatus;
  readonly connectivity: Connectivity;
  readonly unclaimed: UnclaimedTasks;
}

/** The engine as a UI sees it: its slots are all its keys' together. */
export function engineState(
  e: StateSource,
  retryAt: number | null,
  keys: readonly EngineKey[],
): EngineState {
  const records = e.repo.all();
  return e.status.snapshot(
    {
      offline: !e.connectivity.online,
      retryAt,
      active: records.filter((r) => holdsSlot(r.status)).length,
      concurrency: keys.reduce((sum, key) => sum + key.concurrency, 0),
      unclaimed: e.unclaimed.shown(records, (taskId) => e.repo.history.owns(taskId)),
    },
    keys.map((key) => key.id),
  );
}

/** The key a job or batch is pinned to: one the engine has (issue 18), or none. */
export function pinnedKey(
  engine: { keys(): readonly EngineKey[]; t: Translate },
  keyId: string | undefined,
): string | null {
  if (keyId === undefined) return null;
  if (!engine.keys().some((key) => key.id === keyId))
    throw new UserError('not-found', engine.t('key.unknown'));
  return keyId;
}

/** How a key stands, as the engine last heard (`keys.list`). */
export function keyState(status: EngineStatus, keyId: string): KeyState {
  const reason = status.reasonOf(keyId);
  if (reason === 'key-rejected') return 'refused';
  return reason === 'balance' ? 'balance-low' : 'ok';
}
