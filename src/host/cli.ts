import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultRendererDir, startBrowserHost } from './browserHost';
import { createHostCore } from './hostCore';

// `npm run host -- [--port N] [--data-dir DIR] [--library DIR] [--api-base URL] [--demo]`: the app in a browser.
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string' },
    demo: { type: 'boolean' },
    'api-base': { type: 'string' },
    library: { type: 'string' },
  },
});

const dataDir = values['data-dir'] ?? join(tmpdir(), 'airframe-host');
mkdirSync(dataDir, { recursive: true });
const apiBase = values['api-base'] ?? process.env['AIRFORCE_API_BASE'];
const core = await createHostCore({
  dataDir,
  ...(values.library ? { libraryFolder: values.library } : {}),
  ...(apiBase ? { apiBase } : {}),
  ...(values.demo !== undefined ? { demo: values.demo } : {}),
});
// The simulator's CLI prints this variable; a key given this way is stored like one typed in.
const envKey = process.env['AIRFORCE_API_KEY'];
if (envKey) await core.handlers['settings.setApiKey']({ apiKey: envKey, sessionOnly: false }).catch((error: Error) => console.warn(`AIRFORCE_API_KEY not used: ${error.message}`));
const host = await startBrowserHost(core.handlers, core.events, {
  rendererDir: defaultRendererDir,
  port: Number(values.port),
  media: core.media,
});
core.start();
console.log(`Airframe is running at ${host.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.all([core.stop(), host.close()]).then(() => process.exit(0));
  });
}
