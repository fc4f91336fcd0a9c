import { performance } from 'node:perf_hooks';
import { startBrowserHost } from '../../src/host/browserHost';
import { createHostCore } from '../../src/host/hostCore';

// The browser host serving a given renderer build, with its library folder set to a generated
// one. argv[2]: { dataDir, rendererDir, folder } as JSON; prints one JSON line (ViewHostReady).

export interface ViewHostReady {
  url: string;
  /** Why the library view cannot be measured, or null. */
  missing: string | null;
  /** createHostCore, which opens (loads) the library. */
  openMs: number;
  clipCount: number | null;
}

const { dataDir, rendererDir, folder } = JSON.parse(process.argv[2] ?? '{}') as {
  dataDir: string;
  rendererDir: string;
  folder: string;
};
const started = performance.now();
const core = await createHostCore({ dataDir, demo: true, libraryFolder: folder });
const openMs = performance.now() - started;
const host = await startBrowserHost(core.handlers, core.events, { rendererDir, media: core.media });
core.start();

const info = (await core.handlers['library.info']({})) as { clipCount?: number };
const ready: ViewHostReady = {
  url: host.url,
  missing: info.clipCount ? null : 'the host core reports no clips in the library folder',
  openMs,
  clipCount: info.clipCount ?? null,
};
console.log(JSON.stringify(ready));
process.once(
  'SIGTERM',
  () => void Promise.all([core.stop(), host.close()]).then(() => process.exit(0)),
);
