import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AppService } from '../main/core/appService';
import { EventHub } from '../main/core/eventHub';
import { SettingsService } from '../main/core/settings/settingsService';
import { JsonFileStore } from '../main/core/stores/jsonFileStore';
import { MemorySecretStore } from '../main/core/stores/memoryStore';
import { defaultRendererDir, packageVersion, startBrowserHost } from './browserHost';

// `npm run host -- [--port N] [--data-dir DIR] [--demo]`: the app in any browser.
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string' },
    demo: { type: 'boolean', default: false },
    'api-base': { type: 'string' },
  },
});

const dataDir = values['data-dir'] ?? join(tmpdir(), 'airframe-host');
mkdirSync(dataDir, { recursive: true });
const store = new JsonFileStore(join(dataDir, 'store.json'));
const events = new EventHub();
const settings = new SettingsService(store, {
  demo: values.demo,
  ...(values['api-base'] ? { apiBase: values['api-base'] } : {}),
});
const service = new AppService({
  name: 'Airframe',
  version: packageVersion(),
  host: 'browser',
  settings,
  secrets: new MemorySecretStore(),
  emit: events.emit,
});
const host = await startBrowserHost(service.handlers, events, {
  rendererDir: defaultRendererDir,
  port: Number(values.port),
});
console.log(`Airframe is running at ${host.url}`);
