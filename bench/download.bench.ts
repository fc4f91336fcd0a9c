import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startSimProcess } from './support/children';
import type { Benchmark } from './support/context';
import { mb, mbps, median, ms, round, signedMb, summary } from './support/stats';
import { curl, downloadInWorker, finishedSource, PADDED_BYTES } from './download/setup';
import type { WorkerResult } from './download/worker';
import { verdict, type Row } from './table';

const RUNS = 3;

/**
 * Benchmark 3: a 200 MB clip (the sample MP4 padded with a `free` box) from the simulator's
 * CDN over loopback, saved by the library's DownloadQueue in a fresh process, beside curl on
 * the same signed URL; runs alternate. The simulator runs in its own process so the
 * downloader's memory is its own.
 */
export const download: Benchmark = {
  name: 'download',
  title: 'download a 200 MB clip',
  async run(ctx) {
    const sim = await startSimProcess({ autoTick: false, padBytes: PADDED_BYTES, seed: 5 });
    try {
      const source = await finishedSource(sim, 'A long padded clip for the download benchmark');
      const ours: WorkerResult[] = [];
      const devNull: number[] = [];
      const discard: WorkerResult[] = [];
      for (let i = 0; i < RUNS; i++) {
        devNull.push((await curl(source.resultUrl, '/dev/null')).ms);
        const root = ctx.tmp('airframe-bench-download-');
        const result = await downloadInWorker({
          apiBase: sim.apiBase,
          apiKey: sim.apiKey,
          source,
          root: join(root, 'run'),
        });
        rmSync(root, { recursive: true, force: true });
        if (!result.ok || result.size !== PADDED_BYTES)
          throw new Error(`download failed: ${result.error ?? `size ${result.size}`}`);
        ours.push(result);
        discard.push(
          await downloadInWorker({
            apiBase: sim.apiBase,
            apiKey: sim.apiKey,
            source,
            root: join(root, 'discard'),
            discard: true,
          }),
        );
        ctx.log(
          `  curl ${ms(devNull[i] ?? NaN)} · ours ${ms(result.totalMs)} (transfer ${ms(result.transferMs)}), RSS +${mb(growth(result))}`,
        );
      }
      const fileRoot = ctx.tmp('airframe-bench-curl-');
      const toFile = (await curl(source.resultUrl, join(fileRoot, 'clip.mp4'))).ms;
      rmSync(fileRoot, { recursive: true, force: true });

      const rate = (msValue: number) => PADDED_BYTES / (msValue / 1000);
      const oursTotal = median(ours.map((r) => r.totalMs));
      const oursTransfer = median(ours.map((r) => r.transferMs));
      const curlMs = median(devNull);
      const ratio = rate(oursTotal) / rate(curlMs);
      const rss = Math.max(...ours.map(growth));
      const rows: Row[] = [
        {
          bench: 'download',
          what: 'download 200 MB over loopback: throughput',
          figure: `${mbps(rate(oursTotal))} saved (${round(ratio, 2)}× curl); ${mbps(rate(oursTransfer))} while receiving`,
          reference: `curl -o /dev/null: ${mbps(rate(curlMs))}; curl -o file: ${mbps(rate(toFile))}; Node fetch, body discarded: ${mbps(rate(median(discard.map((r) => r.totalMs))))}`,
          target: '≥ 0.9× curl',
          met: verdict(ratio >= 0.9),
          notes: [
            `Medians of ${RUNS} alternating runs. "Saved" is enqueue → clip saved: the MP4 streamed to a .part, fsynced, renamed, plus the poster and the sidecar. "While receiving" is first → last MP4 byte. curl -o /dev/null writes nothing; curl -o file writes without fsync; "Node fetch, body discarded" is the same worker process reading the body and dropping it (the ceiling for anything built on fetch).`,
          ],
          data: {
            ours: ours.map(({ totalMs, transferMs }) => ({ totalMs, transferMs })),
            fetchDiscardMs: discard.map((r) => r.totalMs),
            curlDevNullMs: summary(devNull),
            curlFileMs: toFile,
          },
        },
        {
          bench: 'download',
          what: 'download 200 MB: peak RSS growth',
          figure: `${mb(rss)} (worst of ${RUNS}); Buffers peak ${signedMb(Math.max(...ours.map((r) => r.arrayBuffersPeakGrowth)))}; live after GC ${signedMb(Math.max(...ours.map((r) => r.retainedAfterGc)))}`,
          reference: `process baseline ${mb(median(ours.map((r) => r.rssBaseline)))}`,
          target: '≤ 32 MB',
          met: verdict(rss <= 32 * 2 ** 20),
          notes: [
            'Peak RSS of the downloading process (VmHWM reset just before the download; the 10 ms sampled peak when the kernel value is unavailable) minus its RSS after a forced GC just before; the simulator serves from another process. "Buffers" is the peak of process.memoryUsage().arrayBuffers (network chunks not yet collected); "live after GC" is JS heap + Buffers after the download and a forced GC (what is retained).',
          ],
          data: {
            growth: ours.map(growth),
            sampled: ours.map((r) => r.rssPeakSampled - r.rssBaseline),
            arrayBuffers: ours.map((r) => r.arrayBuffersPeakGrowth),
            retainedAfterGc: ours.map((r) => r.retainedAfterGc),
          },
        },
      ];
      return rows;
    } finally {
      await sim.close();
    }
  },
};

const growth = (r: WorkerResult): number => (r.rssPeakKernel ?? r.rssPeakSampled) - r.rssBaseline;
