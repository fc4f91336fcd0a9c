import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultRendererDir, startBrowserHost } from './browserHost';
import { createHostCore } from './hostCore';
import { currentUserFolders, hostFolders } from './userFolders';

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

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(
    `--port must be a whole number from 0 to 65535 (0 picks a free one), not "${values.port}".`,
  );
  process.exit(2);
}
// The desktop app's folders (they outlive a reboot, unlike the temp folder).
const { dataDir, libraryFolder } = hostFolders(
  { dataDir: values['data-dir'], library: values.library },
  currentUserFolders,
);
mkdirSync(dataDir, { recursive: true });
const apiBase = values['api-base'] ?? process.env['AIRFORCE_API_BASE'];
const core = await createHostCore({
  dataDir,
  libraryFolder,
  ...(apiBase ? { apiBase } : {}),
  ...(values.demo !== undefined ? { demo: values.demo } : {}),
}).catch((error: Error) => {
  // An API base refused, a data folder that cannot be opened: say it in one line.
  console.error(`The browser host could not start: ${error.message}`);
  process.exit(1);
});
// The simulator's CLI prints this variable; a key given this way is stored like one typed in.
const envKey = process.env['AIRFORCE_API_KEY'];
if (envKey)
  await core.handlers['settings.setApiKey']({ apiKey: envKey, sessionOnly: false }).catch(
    (error: Error) => console.warn(`AIRFORCE_API_KEY not used: ${error.message}`),
  );
const host = await startBrowserHost(core.handlers, core.events, {
  rendererDir: defaultRendererDir,
  port,
  media: core.media,
  dispatchTexts: core.dispatchTexts,
}).catch(async (error: NodeJS.ErrnoException) => {
  await core.stop();
  const why =
    error.code === 'EADDRINUSE'
      ? `port ${port} is in use (--port 0 picks a free one)`
      : error.message;
  console.error(`The browser host could not start: ${why}.`);
  process.exit(1);
});
core.start();
console.log(`Airframe keeps its data in ${dataDir}`);
console.log(`Library: ${core.settings.get().libraryFolder ?? libraryFolder}`);
console.log(`Airframe is running at ${host.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void Promise.all([core.stop(), host.close()]).then(() => process.exit(0));
  });
}
