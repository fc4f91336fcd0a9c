import { performance } from 'node:perf_hooks';
import { startBrowserHost } from '../../src/host/browserHost';
import { createHostCore } from '../../src/host/hostCore';

// The browser host serving a given renderer build, with its library folder set to a generated
// one. argv[2]: { dataDir, rendererDir, folder, count } as JSON; prints one JSON line (ViewHostReady)
// once the library holds `count` clips.

export interface ViewHostReady {
  url: string;
  /** Why the library view cannot be measured, or null. */
  missing: string | null;
  /** createHostCore, which opens (loads) the library. */
  openMs: number;
  clipCount: number | null;
}

const { dataDir, rendererDir, folder, count } = JSON.parse(process.argv[2] ?? '{}') as {
  dataDir: string;
  rendererDir: string;
  folder: string;
  /** The clips in the folder, to wait for. */
  count?: number;
};
const started = performance.now();
const core = await createHostCore({ dataDir, demo: true, libraryFolder: folder });
const openMs = performance.now() - started;
const host = await startBrowserHost(core.handlers, core.events, { rendererDir, media: core.media });
core.start();

// The library indexes a new folder in the background: wait until it holds every clip.
const indexed = performance.now();
let info = (await core.handlers['library.info']({})) as { clipCount?: number };
while ((info.clipCount ?? 0) < (count ?? 1) && performance.now() - indexed < 120_000) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  info = (await core.handlers['library.info']({})) as { clipCount?: number };
}
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
