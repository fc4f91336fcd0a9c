import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startSimProcess } from './support/children';
import type { Benchmark, BenchContext } from './support/context';
import { mb, mbps, median, ms, round, signedMb, summary } from './support/stats';
import {
  curl,
  curlToDisk,
  downloadInWorker,
  finishedSource,
  LARGE_BYTES,
  PADDED_BYTES,
} from './download/setup';
import type { WorkerResult } from './download/worker';
import { verdict, type Row } from './table';

const RUNS = 3;
const LARGE_RUNS = 2;
/** Target: the app saves at least this share of what `curl -o file && sync` manages. */
const RATIO_TARGET = 0.75;
const RSS_TARGET = 100 * 2 ** 20;
/** "Flat": the 1 GB download's peak growth is within this of the 200 MB one's. */
const FLAT_SLACK = 16 * 2 ** 20;

/**
 * Benchmark 3: a 200 MB and a 1 GB clip (the sample MP4 padded with a `free` box, produced
 * slice by slice by the simulator in its own process, never held in memory) over loopback,
 * each saved by the library's DownloadQueue in a fresh process, beside `curl -o file && sync`
 * on the same signed URL; runs alternate.
 */
export const download: Benchmark = {
  name: 'download',
  title: 'download a 200 MB and a 1 GB clip',
  async run(ctx) {
    const small = await measure(ctx, PADDED_BYTES, RUNS, 5, true);
    const large = await measure(ctx, LARGE_BYTES, LARGE_RUNS, 7, false);
    const rssSmall = Math.max(...small.ours.map(growth));
    const rssLarge = Math.max(...large.ours.map(growth));
    const flat = rssLarge <= rssSmall + FLAT_SLACK;
    return [
      throughputRow(small, [
        `curl -o /dev/null: ${mbps(rate(small.bytes, median(small.devNull)))}`,
        `Node fetch, body discarded: ${mbps(rate(small.bytes, median(small.discard.map((r) => r.totalMs))))}`,
      ]),
      throughputRow(large, []),
      {
        bench: 'download',
        what: 'download peak RSS growth, 200 MB and 1 GB',
        figure: `200 MB: ${mb(rssSmall)}; 1 GB: ${mb(rssLarge)} (worst of ${RUNS} and ${LARGE_RUNS}); Buffers peak ${signedMb(Math.max(...small.ours.map((r) => r.arrayBuffersPeakGrowth)))} / ${signedMb(Math.max(...large.ours.map((r) => r.arrayBuffersPeakGrowth)))}; live after GC ${signedMb(Math.max(...large.ours.map((r) => r.retainedAfterGc)))}`,
        reference: `process baseline ${mb(median(small.ours.map((r) => r.rssBaseline)))}`,
        target: `≤ ${mb(RSS_TARGET)} at both sizes, flat (1 GB ≤ 200 MB + ${mb(FLAT_SLACK)})`,
        met: verdict(rssSmall <= RSS_TARGET && rssLarge <= RSS_TARGET && flat),
        notes: [
          'Peak RSS of the downloading process (VmHWM reset just before the download; the 10 ms sampled peak when the kernel value is unavailable) minus its RSS after a forced GC just before; the simulator serves from another process. "Buffers" is the peak of process.memoryUsage().arrayBuffers (network chunks not yet collected), 200 MB / 1 GB; "live after GC" is JS heap + Buffers after the 1 GB download and a forced GC (what is retained).',
        ],
        data: {
          growth200: small.ours.map(growth),
          growth1024: large.ours.map(growth),
          sampled: [...small.ours, ...large.ours].map((r) => r.rssPeakSampled - r.rssBaseline),
          arrayBuffers: [...small.ours, ...large.ours].map((r) => r.arrayBuffersPeakGrowth),
          retainedAfterGc: [...small.ours, ...large.ours].map((r) => r.retainedAfterGc),
        },
      },
    ];
  },
};

interface Measured {
  bytes: number;
  label: string;
  ours: WorkerResult[];
  /** `curl -o file && sync file`. */
  toDisk: number[];
  devNull: number[];
  discard: WorkerResult[];
}

async function measure(
  ctx: BenchContext,
  bytes: number,
  runs: number,
  seed: number,
  references: boolean,
): Promise<Measured> {
  const label = bytes >= 2 ** 30 ? `${bytes / 2 ** 30} GB` : `${bytes / 2 ** 20} MB`;
  const measured: Measured = { bytes, label, ours: [], toDisk: [], devNull: [], discard: [] };
  const sim = await startSimProcess({ autoTick: false, padBytes: bytes, seed });
  try {
    const source = await finishedSource(sim, `A ${label} padded clip for the download benchmark`);
    const worker = (root: string, discard = false) =>
      downloadInWorker({ apiBase: sim.apiBase, apiKey: sim.apiKey, source, root, discard });
    for (let i = 0; i < runs; i++) {
      const root = ctx.tmp('airframe-bench-download-');
      try {
        measured.toDisk.push((await curlToDisk(source.resultUrl, join(root, 'curl.mp4'))).ms);
        rmSync(join(root, 'curl.mp4'), { force: true });
        if (references) measured.devNull.push((await curl(source.resultUrl, '/dev/null')).ms);
        const result = await worker(join(root, 'run'));
        if (!result.ok || result.size !== bytes)
          throw new Error(`download failed: ${result.error ?? `size ${result.size}`}`);
        measured.ours.push(result);
        rmSync(join(root, 'run'), { recursive: true, force: true });
        if (references) measured.discard.push(await worker(join(root, 'discard'), true));
        ctx.log(
          `  ${label}: curl && sync ${ms(measured.toDisk[i] ?? NaN)} · ours ${ms(result.totalMs)} (transfer ${ms(result.transferMs)}), RSS +${mb(growth(result))}`,
        );
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }
  } finally {
    await sim.close();
  }
  return measured;
}

function throughputRow(m: Measured, otherReferences: string[]): Row {
  const oursTotal = median(m.ours.map((r) => r.totalMs));
  const oursTransfer = median(m.ours.map((r) => r.transferMs));
  const toDisk = median(m.toDisk);
  const ratio = rate(m.bytes, oursTotal) / rate(m.bytes, toDisk);
  return {
    bench: 'download',
    what: `download ${m.label} over loopback: throughput`,
    figure: `${mbps(rate(m.bytes, oursTotal))} saved (${round(ratio, 2)}× curl -o file && sync); ${mbps(rate(m.bytes, oursTransfer))} while receiving`,
    reference: [`curl -o file && sync: ${mbps(rate(m.bytes, toDisk))}`, ...otherReferences].join(
      '; ',
    ),
    target: `≥ ${RATIO_TARGET}× curl -o file && sync`,
    met: verdict(ratio >= RATIO_TARGET),
    notes: [
      `Medians of ${m.ours.length} alternating runs. "Saved" is enqueue → clip saved: the MP4 streamed to a .part (one writev per ~1 MB batch, fdatasync in the background every 16 MB), fsynced, renamed, plus the poster and the sidecar. "While receiving" is first → last MP4 byte. "curl -o file && sync" is curl's transfer time plus \`sync <file>\` (that one file to disk, as the app's fsync does).${otherReferences.length > 0 ? ' curl -o /dev/null writes nothing; "Node fetch, body discarded" is the same worker process reading the body and dropping it (the ceiling for anything built on fetch).' : ''}`,
    ],
    data: {
      bytes: m.bytes,
      ours: m.ours.map(({ totalMs, transferMs }) => ({ totalMs, transferMs })),
      curlToDiskMs: summary(m.toDisk),
      ...(m.devNull.length > 0 ? { curlDevNullMs: summary(m.devNull) } : {}),
      ...(m.discard.length > 0 ? { fetchDiscardMs: m.discard.map((r) => r.totalMs) } : {}),
    },
  };
}

const rate = (bytes: number, msValue: number) => bytes / (msValue / 1000);
const growth = (r: WorkerResult): number => (r.rssPeakKernel ?? r.rssPeakSampled) - r.rssBaseline;
