import { FIRST_KEY_ID, MAX_KEYS, type KeyState, type KeyView } from '../../../shared/apiKeys';
import { UserError } from '../../../shared/contract/result';
import { apiOrigin } from '../../../shared/settings';
import { english, type Messages } from '../i18n';
import type { EngineKey } from '../engine/engineDeps';
import type { KeyValueStore, SecretStore } from '../ports';
import type { ApiKeys } from './apiKeys';
import { loadKeyRecords, saveKeyRecords, type KeyRecord } from './keyRecords';
import type { SettingsService } from './settingsService';

export interface KeyRingDeps {
  store: KeyValueStore;
  settings: SettingsService;
  secrets: SecretStore;
  /** The first key's binding and check (`apiKeys.ts`): `settings.setApiKey` is its door. */
  keys: ApiKeys;
  newId: () => string;
  /** Whether a job on the server was submitted with the key (its task is followed with it). */
  inUse: (keyId: string) => boolean;
  /** How the key stands, as the engine last heard; `ok` when nobody says otherwise. */
  stateOf?: (keyId: string) => KeyState;
  /** The key was removed: the jobs waiting for it are given to any key. */
  removed?: (keyId: string) => void;
  /** What the key spent (the ledger's); nothing when not given. */
  spendOf?: (keyId: string) => { todayCents: number; totalCents: number };
  messages?: Messages;
}

export interface KeyPatch {
  id: string;
  name?: string | undefined;
  concurrency?: number | undefined;
  dailyBudgetCents?: number | null | undefined;
}

/**
 * The user's API keys (issue 18): a name, concurrency and daily budget each, the secret in
 * the secret store under the key's id. The first key is the single key of earlier versions
 * (`FIRST_KEY_ID`): `settings.setApiKey` sets it, a key added while it is empty fills it.
 * Each key is bound to the origin it was checked against, like the first (`apiKeys.ts`).
 */
export class KeyRing {
  private records: KeyRecord[];
  /** The other keys whose secret is stored (the first key's is `keys`' business). */
  private readonly present = new Set<string>();

  constructor(private readonly deps: KeyRingDeps) {
    this.records = loadKeyRecords(deps.store, deps.settings.get());
  }

  /** Reads which keys have a secret (a session-only key is gone after a restart). */
  async load(): Promise<void> {
    for (const { id } of this.records) {
      if (id !== FIRST_KEY_ID && (await this.deps.secrets.getApiKey(id)) !== null)
        this.present.add(id);
    }
  }

  /**
   * The keys jobs may go out with, the first first: always the first key (without a secret
   * its jobs are held for want of one, as they always were), and each other key stored and
   * checked against the configured base.
   */
  engineKeys(): EngineKey[] {
    const { apiBase, concurrency } = this.deps.settings.get();
    const origin = apiOrigin(apiBase);
    return this.records
      .filter((r) => r.id === FIRST_KEY_ID || (this.present.has(r.id) && r.origin === origin))
      .map((r) => ({
        id: r.id,
        concurrency: r.id === FIRST_KEY_ID ? concurrency : r.concurrency,
        dailyBudgetCents: r.dailyBudgetCents,
      }));
  }

  /** The key to send for `keyId`, allowed to its origin only; null when there is none to use. */
  async secret(keyId: string): Promise<string | null> {
    if (keyId === FIRST_KEY_ID) return this.deps.keys.current();
    const record = this.records.find((r) => r.id === keyId);
    const origin = apiOrigin(this.deps.settings.get().apiBase);
    if (!record || record.origin !== origin) return null;
    const secret = await this.deps.secrets.getApiKey(keyId);
    if (secret !== null) this.deps.keys.allow(secret, origin);
    return secret;
  }

  /** The keys that may be used with the configured API base, the first key first. */
  async list(): Promise<KeyView[]> {
    const views = await Promise.all(this.records.map((record) => this.view(record)));
    return views.flatMap((view) => (view ? [view] : []));
  }

  /** Checks `apiKey` against /v1/models of the API base, then keeps it. Throws the client's error. */
  async add(name: string, apiKey: string, sessionOnly: boolean): Promise<KeyView> {
    const { t } = this.deps.messages ?? english;
    const keys = await this.list();
    const same = await this.findSecret(apiKey);
    if (same) throw new UserError('conflict', t('key.duplicate', { name: same.name }));
    if (keys.length >= MAX_KEYS)
      throw new UserError('conflict', t('key.tooMany', { count: MAX_KEYS }));
    if (!keys.some((key) => key.id === FIRST_KEY_ID)) {
      await this.deps.keys.save(apiKey, sessionOnly);
      return this.patch({ id: FIRST_KEY_ID, name });
    }
    const origin = await this.deps.keys.check(apiKey);
    const id = this.deps.newId();
    await this.deps.secrets.setApiKey(apiKey, { keyId: id, sessionOnly });
    this.present.add(id);
    this.write([...this.records, { id, name, concurrency: 4, dailyBudgetCents: null, origin }]);
    return this.viewOf(id);
  }

  async update(patch: KeyPatch): Promise<KeyView> {
    await this.viewOf(patch.id);
    return this.patch(patch);
  }

  /** Refused while a job on the server uses it; the first key is emptied, any other forgotten. */
  async remove(id: string): Promise<boolean> {
    const { t } = this.deps.messages ?? english;
    const view = (await this.list()).find((key) => key.id === id);
    if (!view) return false;
    if (this.deps.inUse(id)) throw new UserError('conflict', t('key.inUse', { name: view.name }));
    if (id === FIRST_KEY_ID) {
      await this.deps.keys.clear();
      // The next first key (`settings.setApiKey`) is not named after the one removed.
      this.write(this.records.map((r) => (r.id === id ? { ...r, name: 'Default' } : r)));
      return true;
    }
    await this.forget(id);
    this.write(this.records.filter((record) => record.id !== id));
    this.deps.removed?.(id);
    return true;
  }

  /** After the API base changed: the keys checked against another origin are forgotten. */
  async baseChanged(): Promise<void> {
    const origin = apiOrigin(this.deps.settings.get().apiBase);
    const gone = this.records.filter((r) => r.id !== FIRST_KEY_ID && r.origin !== origin);
    for (const record of gone) await this.forget(record.id);
    if (gone.length > 0) this.write(this.records.filter((record) => !gone.includes(record)));
  }

  private async forget(id: string): Promise<void> {
    const secret = await this.deps.secrets.getApiKey(id);
    if (secret !== null) this.deps.keys.disallow(secret);
    await this.deps.secrets.setApiKey(null, { keyId: id });
    this.present.delete(id);
  }

  private async patch({ id, name, concurrency, dailyBudgetCents }: KeyPatch): Promise<KeyView> {
    // The first key's concurrency is the app's setting, so a UI of either kind shows one value.
    if (id === FIRST_KEY_ID && concurrency !== undefined)
      this.deps.settings.update({ concurrency });
    this.write(
      this.records.map((record) =>
        record.id !== id
          ? record
          : {
              ...record,
              ...(name === undefined ? {} : { name }),
              ...(concurrency === undefined ? {} : { concurrency }),
              ...(dailyBudgetCents === undefined ? {} : { dailyBudgetCents }),
            },
      ),
    );
    return this.viewOf(id);
  }

  private async viewOf(id: string): Promise<KeyView> {
    const record = this.records.find((r) => r.id === id);
    const view = record ? await this.view(record) : null;
    if (!view) throw new UserError('not-found', (this.deps.messages ?? english).t('key.unknown'));
    return view;
  }

  private async findSecret(apiKey: string): Promise<KeyView | undefined> {
    for (const record of this.records) {
      if ((await this.deps.secrets.getApiKey(record.id)) === apiKey) {
        const view = await this.view(record);
        if (view) return view;
      }
    }
    return undefined;
  }

  /** The key's view; null when it has no secret or may not go to the configured base. */
  private async view(record: KeyRecord): Promise<KeyView | null> {
    const secret = await this.deps.secrets.getApiKey(record.id);
    const { apiBase, apiKeyOrigin, concurrency } = this.deps.settings.get();
    const first = record.id === FIRST_KEY_ID;
    if (secret === null || (first ? apiKeyOrigin : record.origin) !== apiOrigin(apiBase))
      return null;
    const spend = this.deps.spendOf?.(record.id);
    return {
      id: record.id,
      name: record.name,
      lastFour: secret.slice(-4),
      concurrency: first ? concurrency : record.concurrency,
      dailyBudgetCents: record.dailyBudgetCents,
      state: this.deps.stateOf?.(record.id) ?? 'ok',
      spentTodayCents: spend?.todayCents ?? 0,
      spentTotalCents: spend?.totalCents ?? 0,
    };
  }

  private write(records: KeyRecord[]): void {
    saveKeyRecords(this.deps.store, records);
    this.records = records;
  }
}
