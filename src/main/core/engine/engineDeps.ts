import type { CreateVideoRequest } from '../../../shared/api/schemas';
import type { EmitEvent } from '../../../shared/contract/contract';
import type { AirforceApi } from '../airforce/types';
import type { AppDatabase } from '../db/database';
import type { Messages } from '../i18n';
import type { Clock, Notifier } from '../ports';
import type { JobRecord } from './jobRecord';

/** How long all work waits after the database refused a write. */
export const STORAGE_RETRY_MS = 30_000;

export interface World {
  demo: boolean;
  session: string | null;
}

export interface EngineKey {
  id: string;
  concurrency: number;
  dailyBudgetCents: number | null;
}

export interface EngineDeps {
  api: AirforceApi;
  /** Jobs, the ledger, tasks seen on the server and the engine's own flags. */
  db: AppDatabase;
  clock: Clock;
  notifier: Notifier;
  emit: EmitEvent;
  /** The key with this id, to send to the API; null when there is none to use. */
  apiKey(keyId: string): Promise<string | null>;
  /**
   * The keys jobs may go out with, the first key first, each with its concurrency and daily
   * budget. Without it, the first key alone, with the `concurrency` setting.
   */
  keys?(): readonly EngineKey[];
  settings(): { concurrency: number; dailyBudgetCents: number | null; notifications: boolean };
  toApiRequest(record: JobRecord): Promise<CreateVideoRequest>;
  /**
   * Which API the engine talks to now: the real one, or the built-in demo simulator of this
   * run (`session` names the run once the demo started). Jobs belong to the world they were
   * submitted in; without this, every job is real.
   */
  world?(): World;
  random?: () => number;
  streamIdleTimeoutMs?: number;
  log?: (message: string, error?: unknown) => void;
  /** What the engine tells the user (notifications) is worded in this language; English if none. */
  messages?: Messages;
}
