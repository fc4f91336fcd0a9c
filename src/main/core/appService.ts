import type { EmitEvent, Handlers } from '../../shared/contract';
import type { SettingsView } from '../../shared/settings';
import type { SecretStore } from './ports';
import type { SettingsService } from './settings/settingsService';

export interface AppServiceDeps {
  name: string;
  version: string;
  host: 'electron' | 'browser';
  settings: SettingsService;
  secrets: SecretStore;
  emit: EmitEvent;
}

/**
 * Implements the contract. Hosts bind `handlers` to their transport and forward `emit`;
 * nothing else of core is visible to a UI.
 */
export class AppService {
  readonly handlers: Handlers;

  constructor(private readonly deps: AppServiceDeps) {
    this.handlers = {
      'app.info': async () => ({
        name: deps.name,
        version: deps.version,
        demo: deps.settings.get().demo,
        host: deps.host,
      }),
      'settings.get': async () => this.settingsView(),
      'settings.update': async (patch) => {
        deps.settings.update(patch);
        const view = await this.settingsView();
        deps.emit('settings.changed', view);
        return view;
      },
    };
  }

  private async settingsView(): Promise<SettingsView> {
    return {
      settings: this.deps.settings.get(),
      hasApiKey: (await this.deps.secrets.getApiKey()) !== null,
    };
  }
}
