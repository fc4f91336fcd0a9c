import { apiOrigin } from '../../../shared/settings';
import type { AirforceApi } from '../airforce/types';
import { english, type Messages } from '../i18n';
import type { SecretStore } from '../ports';
import type { SettingsService } from './settingsService';

/** Where the demo's simulator listens and the key it accepts. */
export interface DemoKey {
  apiBase: string;
  apiKey: string;
}

export interface ApiKeysDeps {
  settings: SettingsService;
  secrets: SecretStore;
  /** Whether demo mode is on (and this host offers it). */
  inDemo(): boolean;
  /** The demo's simulator: its base and key, started on first use. */
  demoKey(): Promise<DemoKey>;
  /** A client for `apiBase` that sends a key only to the origin `keyOrigin` gives for it. */
  client(apiBase: string, keyOrigin: (apiKey: string) => string | null): AirforceApi;
  /** The notices' language (English when not given). */
  messages?: Messages;
}

interface Binding {
  key: string;
  origin: string;
}

/**
 * Which key may go where. The stored key is bound to the origin it was checked against
 * (`apiKeyOrigin` in the settings, not a secret); the demo's key to its simulator. Every
 * request asks `originOf` for the key it carries, so a key read before the base changed
 * (or the demo was switched) is refused by the client instead of sent to the new origin.
 * A UI can change the API base, never where the key may go: moving the base to another
 * origin forgets the key, and the settings view says why.
 */
export class ApiKeys {
  private real: Binding | null = null;
  private demo: Binding | null = null;
  /** The other keys (issue 18), each bound to where it was checked: key → origin. */
  private readonly others = new Map<string, string>();

  constructor(private readonly deps: ApiKeysDeps) {}

  /**
   * Where `apiKey` may be sent; null: nowhere. Only the current mode's key goes anywhere:
   * the demo's key is sent nowhere once the demo is off, the real one nowhere during it.
   */
  readonly originOf = (apiKey: string): string | null => {
    if (this.deps.inDemo()) return this.demo?.key === apiKey ? this.demo.origin : null;
    return this.real?.key === apiKey ? this.real.origin : (this.others.get(apiKey) ?? null);
  };

  /** Another key than the first may go to `origin`, where it was checked (`keyRing.ts`). */
  allow(apiKey: string, origin: string): void {
    this.others.set(apiKey, origin);
  }

  /** Another key was removed or forgotten: it goes nowhere any more. */
  disallow(apiKey: string): void {
    this.others.delete(apiKey);
  }

  /**
   * The key for the next call: the demo's in demo mode, else the stored key when it is
   * bound to the configured base's origin; null when there is none to use.
   */
  async current(): Promise<string | null> {
    if (this.deps.inDemo()) {
      const { apiBase, apiKey } = await this.deps.demoKey();
      this.demo = { key: apiKey, origin: apiOrigin(apiBase) };
      return apiKey;
    }
    const key = await this.deps.secrets.getApiKey();
    const { apiBase, apiKeyOrigin } = this.deps.settings.get();
    if (key === null || apiKeyOrigin === null || apiKeyOrigin !== apiOrigin(apiBase)) return null;
    this.real = { key, origin: apiKeyOrigin };
    return key;
  }

  /**
   * Checks a key against the configured API base — never the demo's simulator, whatever
   * mode is on — and stores it bound to that origin. Throws the client's error when refused.
   */
  async save(apiKey: string, sessionOnly: boolean): Promise<void> {
    const origin = await this.check(apiKey);
    await this.deps.secrets.setApiKey(apiKey, { sessionOnly });
    // Bound to where it was checked, even if the base changed meanwhile: then it is unusable
    // there, and the view says so.
    this.deps.settings.update({ apiKeyOrigin: origin, apiKeyForgottenFor: null });
    this.real = { key: apiKey, origin };
  }

  /**
   * Asks /v1/models of the configured API base with `apiKey` (sent there only); answers the
   * origin it was checked against. Throws the client's error when refused.
   */
  async check(apiKey: string): Promise<string> {
    const { apiBase } = this.deps.settings.get();
    const origin = apiOrigin(apiBase);
    const check = this.deps.client(apiBase, (key) => (key === apiKey ? origin : null));
    await check.listModels(apiKey);
    return origin;
  }

  async clear(): Promise<void> {
    await this.deps.secrets.setApiKey(null);
    this.real = null;
    this.deps.settings.update({ apiKeyOrigin: null, apiKeyForgottenFor: null });
  }

  /**
   * After the user changed the API base: a stored key bound to another origin is forgotten
   * (deleted, not merely hidden). Returns whether it was.
   */
  async baseChanged(): Promise<boolean> {
    const { apiBase, apiKeyOrigin } = this.deps.settings.get();
    const origin = apiOrigin(apiBase);
    if (apiKeyOrigin === origin || (await this.deps.secrets.getApiKey()) === null) return false;
    await this.deps.secrets.setApiKey(null);
    this.real = null;
    this.deps.settings.update({ apiKeyOrigin: null, apiKeyForgottenFor: origin });
    return true;
  }

  /** What the settings view says about the key: usable here, or why not. */
  async view(): Promise<{ hasApiKey: boolean; apiKeyNotice?: string }> {
    const key = await this.deps.secrets.getApiKey();
    const { t } = this.deps.messages ?? english;
    const { apiBase, apiKeyOrigin, apiKeyForgottenFor } = this.deps.settings.get();
    const origin = apiOrigin(apiBase);
    if (key !== null && apiKeyOrigin === origin) return { hasApiKey: true };
    if (key !== null && apiKeyOrigin !== null) {
      return {
        hasApiKey: false,
        apiKeyNotice: t('key.otherOrigin', { checked: apiKeyOrigin, origin }),
      };
    }
    if (apiKeyForgottenFor !== null) {
      return {
        hasApiKey: false,
        apiKeyNotice: t('key.forgotten', { origin: apiKeyForgottenFor }),
      };
    }
    if (key !== null) {
      // The settings were reset (unreadable) while the key stayed: where it was checked is unknown.
      return {
        hasApiKey: false,
        apiKeyNotice: t('key.unlinked'),
      };
    }
    return { hasApiKey: false };
  }
}
