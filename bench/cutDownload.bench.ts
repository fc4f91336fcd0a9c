import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { startSimProcess } from './support/children';
import type { Benchmark } from './support/context';
import { mb, ms, round } from './support/stats';
import { downloadInWorker, finishedSource, PADDED_BYTES } from './download/setup';
import { verdict } from './table';

/**
 * Benchmark 4: the 200 MB clip's first response is cut at 50 % (a `cut` fault on the CDN:
 * full headers, half the bytes, then the socket is destroyed); the DownloadQueue retries
 * after its backoff and resumes with Range + If-Range. A wrapper around the CDN fetch counts
 * every MP4 body byte received; whatever exceeds the file size was fetched twice.
 */
export const cutDownload: Benchmark = {
  name: 'cut-download',
  title: 'cut download resumed',
  async run(ctx) {
    const sim = await startSimProcess({ autoTick: false, padBytes: PADDED_BYTES, seed: 6 });
    try {
      const source = await finishedSource(sim, 'A padded clip whose download is cut');
      const original = await sha256OfUrl(source.resultUrl);
      const result = await downloadInWorker({
        apiBase: sim.apiBase,
        apiKey: sim.apiKey,
        source,
        root: join(ctx.tmp('airframe-bench-cut-'), 'run'),
        cutAfterBytes: PADDED_BYTES / 2,
        count: true,
        hash: true,
      });
      if (!result.ok) throw new Error(`download failed: ${result.error ?? 'unknown'}`);
      const refetched = result.videoBytesFetched - result.size;
      // The server sent `afterBytes` before the cut; what the app had not received yet was lost in transit.
      const resumedAt = Number(/bytes=(\d+)-/.exec(result.videoRequests[1]?.range ?? '')?.[1] ?? 0);
      const sentTwice = resumedAt > 0 ? PADDED_BYTES / 2 - resumedAt : PADDED_BYTES / 2;
      const share = refetched / result.size;
      const identical = result.sha256 === original;
      ctx.log(
        `  requests ${JSON.stringify(result.videoRequests)}, fetched ${result.videoBytesFetched} for ${result.size}`,
      );
      return [
        {
          bench: 'cut-download',
          what: 'download cut at 50 %, resumed: bytes fetched twice',
          figure: `${round(share * 100, 3)} % received twice; ${round((sentTwice / result.size) * 100, 3)} % (${(sentTwice / 1024).toFixed(0)} KB) sent twice; ${result.videoRequests.length} requests; SHA-256 ${identical ? 'identical' : 'DIFFERENT'}`,
          reference: 'no resume: 50 % (the cut half again)',
          target: '≤ 1 % refetched',
          met: verdict(
            Math.max(share, sentTwice / result.size) <= 0.01 &&
              identical &&
              result.size === PADDED_BYTES,
          ),
          notes: [
            `Requests: ${result.videoRequests.map((r) => `${r.status}${r.range ? ` (${r.range})` : ''}`).join(', ')}. The whole save took ${ms(result.totalMs)}, including the queue's 2 s retry backoff after the cut. "Received twice": MP4 body bytes the app's fetch delivered (a counting wrapper) beyond the file size. "Sent twice": the server wrote ${mb(PADDED_BYTES / 2)} before the cut and the app resumed from byte ${resumedAt}; the difference was in flight when the socket died. File compared with the CDN's by SHA-256.`,
          ],
          data: {
            refetchedBytes: refetched,
            sentTwiceBytes: sentTwice,
            size: result.size,
            fetched: result.videoBytesFetched,
            requests: result.videoRequests,
            totalMs: result.totalMs,
            identical,
          },
        },
      ];
    } finally {
      await sim.close();
    }
  },
};

async function sha256OfUrl(url: string): Promise<string> {
  const hash = createHash('sha256');
  const response = await fetch(url);
  if (!response.body) throw new Error('no body');
  for await (const chunk of response.body) hash.update(chunk);
  return hash.digest('hex');
}
