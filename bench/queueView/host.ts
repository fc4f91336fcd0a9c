import { performance } from 'node:perf_hooks';
import { startBrowserHost } from '../../src/host/browserHost';
import { createHostCore } from '../../src/host/hostCore';
import { draft } from '../support/engine';

// The browser host in demo mode with a queue of `jobs` jobs: all submitted while the queue is
// paused, the first `ended` of them cancelled, then the queue resumed so four run (and emit
// progress) while the page is measured. argv[2]: { dataDir, rendererDir, jobs, ended } as
// JSON; prints one JSON line (QueueHostReady).

export interface QueueHostReady {
  url: string;
  /** Why the queue view cannot be measured, or null. */
  missing: string | null;
  /** Submitting and cancelling the jobs through the core's handlers. */
  seedMs: number;
  jobCount: number;
}

const { dataDir, rendererDir, jobs, ended } = JSON.parse(process.argv[2] ?? '{}') as {
  dataDir: string;
  rendererDir: string;
  jobs: number;
  ended: number;
};
const core = await createHostCore({ dataDir, demo: true });
const host = await startBrowserHost(core.handlers, core.events, { rendererDir, media: core.media });
core.start();
const started = performance.now();
const handlers = core.handlers;
await handlers['jobs.pause']({});
const ids: string[] = [];
const BATCH = 50;
for (let batch = 0; ids.length < jobs; batch++) {
  const copies = Math.min(BATCH, jobs - ids.length);
  const request = draft(`Queue bench prompt ${batch}: a lighthouse at dusk, waves, slow pan`);
  const answer = (await handlers['jobs.submit']({ request, copies })) as { jobs: { id: string }[] };
  ids.push(...answer.jobs.map((j) => j.id));
}
for (const id of ids.slice(0, ended)) await handlers['jobs.cancel']({ id });
await handlers['jobs.resume']({});
const seedMs = performance.now() - started;
const listed = (await handlers['jobs.list']({})) as { jobs: unknown[] };
const ready: QueueHostReady = {
  url: host.url,
  missing: listed.jobs.length >= jobs ? null : `only ${listed.jobs.length} of ${jobs} jobs queued`,
  seedMs,
  jobCount: listed.jobs.length,
};
console.log(JSON.stringify(ready));
process.once(
  'SIGTERM',
  () => void Promise.all([core.stop(), host.close()]).then(() => process.exit(0)),
);
