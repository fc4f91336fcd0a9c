import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import { AppService } from '../../src/main/core/appService';
import { EventHub } from '../../src/main/core/eventHub';
import { SettingsService } from '../../src/main/core/settings/settingsService';
import { JsonFileStore } from '../../src/main/core/stores/jsonFileStore';
import { MemorySecretStore } from '../../src/main/core/stores/memoryStore';
import { defaultRendererDir, packageVersion, startBrowserHost, type BrowserHost } from '../../src/host/browserHost';

/** Each test gets its own browser host, on its own port and data folder. */
export const test = base.extend<{ host: BrowserHost }>({
  host: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'airframe-e2e-'));
    const events = new EventHub();
    const service = new AppService({
      name: 'Airframe',
      version: packageVersion(),
      host: 'browser',
      settings: new SettingsService(new JsonFileStore(join(dataDir, 'store.json')), { demo: true }),
      secrets: new MemorySecretStore(),
      emit: events.emit,
    });
    const host = await startBrowserHost(service.handlers, events, { rendererDir: defaultRendererDir });
    await use(host);
    await host.close();
  },
});

export { expect } from '@playwright/test';
