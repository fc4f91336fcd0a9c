import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createAirforceClient } from '../../src/main/core/airforce';
import { systemClock } from '../../src/main/core/clock';
import { clipFiles } from '../../src/main/core/library/naming';
import { openLibrary } from '../../src/main/core/library/openLibrary';
import type { ClipSource, DownloadListener } from '../../src/main/core/library/types';
import { FileBlobStore } from '../../src/main/core/stores/fileBlobStore';

// One clip saved by the library's DownloadQueue in a fresh process, so its memory is the
// downloader's alone. argv[2]: WorkerInput as JSON. Prints one JSON line (WorkerResult).

export interface WorkerInput {
  apiBase: string;
  apiKey: string;
  source: ClipSource;
  root: string;
  /** Cut the video's first response after this many bytes (a `cut` fault on the CDN). */
  cutAfterBytes?: number;
  /** Hash the saved file (to compare with the original). */
  hash?: boolean;
  /** Count the MP4 bytes fetched through a wrapper (costs some throughput; only for the cut run). */
  count?: boolean;
  /** Instead of saving: fetch the MP4 and discard its body (Node's fetch alone, the ceiling). */
  discard?: boolean;
}

export interface WorkerResult {
  ok: boolean;
  error?: string;
  size: number;
  /** From enqueue to the clip saved (MP4, poster, sidecar, fsynced and renamed). */
  totalMs: number;
  /** From the first to the last byte of the MP4 received. */
  transferMs: number;
  /** Body bytes of MP4 responses, all attempts. */
  videoBytesFetched: number;
  videoRequests: { status: number; range: string | null }[];
  rssBaseline: number;
  rssPeakSampled: number;
  /** VmHWM after resetting it just before the download (Linux), or null. */
  rssPeakKernel: number | null;
  /** Peak of `process.memoryUsage().arrayBuffers` (Buffers: network chunks) over the baseline. */
  arrayBuffersPeakGrowth: number;
  /** JS heap + Buffers after the download and a forced GC, over the same before: what was retained. */
  retainedAfterGc: number;
  sha256?: string;
}

const input = JSON.parse(process.argv[2] ?? '{}') as WorkerInput;
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const videoRequests: WorkerResult['videoRequests'] = [];
let videoBytes = 0;
const countingFetch: typeof fetch = async (url, init) => {
  const response = await fetch(url, init);
  if (!String(url).includes('.mp4') || !response.body) return response;
  const headers = (init?.headers ?? {}) as Record<string, string>;
  videoRequests.push({ status: response.status, range: headers.Range ?? null });
  const counted = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        videoBytes += chunk.byteLength;
        controller.enqueue(chunk);
      },
    }),
  );
  return new Response(counted, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};

let discarded = 0;
let firstByte = 0;
let lastByte = 0;
let settle: (outcome: { ok: boolean; error?: string }) => void = () => {};
const finished = new Promise<{ ok: boolean; error?: string }>((resolve) => (settle = resolve));
const listener: DownloadListener = {
  progress(_jobId, received, total) {
    const now = performance.now();
    if (firstByte === 0) firstByte = now;
    if (total !== null && received >= total) lastByte = now;
  },
  saved: () => settle({ ok: true }),
  expired: (_jobId, message) => settle({ ok: false, error: message }),
  paused: (reason) => reason && settle({ ok: false, error: reason }),
};

mkdirSync(input.root, { recursive: true });
const library = await openLibrary({
  folder: join(input.root, 'library'),
  clock: systemClock,
  api: createAirforceClient({ apiBase: input.apiBase }),
  getApiKey: async () => input.apiKey,
  blobs: new FileBlobStore(join(input.root, 'blobs')),
  listener,
  reveal: async () => {},
  emit: () => {},
  ...(input.count ? { cdnFetch: countingFetch } : {}),
});

// Warm the connection pool and the code paths with the small poster (not counted).
if (input.source.thumbnailUrl) await (await fetch(input.source.thumbnailUrl)).arrayBuffer();
if (input.cutAfterBytes !== undefined) {
  await fetch(`${input.apiBase}/__sim/faults`, {
    method: 'POST',
    body: JSON.stringify({ route: 'cdn', fault: { kind: 'cut', afterBytes: input.cutAfterBytes } }),
  });
}

gc();
const rssBaseline = process.memoryUsage.rss();
const buffersBaseline = process.memoryUsage().arrayBuffers;
const liveBaseline = buffersBaseline + process.memoryUsage().heapUsed;
let rssPeakSampled = rssBaseline;
let buffersPeak = buffersBaseline;
const resetPeak = (() => {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
})();
const sampler = setInterval(() => {
  const usage = process.memoryUsage();
  rssPeakSampled = Math.max(rssPeakSampled, usage.rss);
  buffersPeak = Math.max(buffersPeak, usage.arrayBuffers);
}, 10);

const started = performance.now();
if (input.discard)
  void discardBody(input.source.resultUrl).then(
    () => settle({ ok: true }),
    (error: Error) => settle({ ok: false, error: error.message }),
  );
else library.downloads.enqueue(input.source);
const outcome = await finished;
const totalMs = performance.now() - started;
clearInterval(sampler);
rssPeakSampled = Math.max(rssPeakSampled, process.memoryUsage.rss());
const rssPeakKernel = resetPeak ? kernelPeak() : null;
await library.close();
gc();
const retainedAfterGc =
  process.memoryUsage().arrayBuffers + process.memoryUsage().heapUsed - liveBaseline;

const saved = library.folder.entry(input.source.taskId);
const videoPath = saved ? library.folder.path(clipFiles(saved.base).video) : null;
const size = input.discard
  ? discarded
  : videoPath
    ? ((await library.folder.fs.stat(videoPath))?.size ?? 0)
    : 0;
const result: WorkerResult = {
  ...outcome,
  size,
  totalMs,
  transferMs: lastByte - firstByte,
  videoBytesFetched: videoBytes,
  videoRequests,
  rssBaseline,
  rssPeakSampled,
  rssPeakKernel,
  arrayBuffersPeakGrowth: buffersPeak - buffersBaseline,
  retainedAfterGc,
  ...(input.hash && videoPath ? { sha256: await sha256File(videoPath) } : {}),
};
console.log(JSON.stringify(result));
process.exit(0);

async function discardBody(url: string): Promise<void> {
  const response = await fetch(url);
  const reader = response.body?.getReader();
  firstByte = performance.now();
  for (;;) {
    const chunk = await reader?.read();
    if (!chunk || chunk.done) break;
    discarded += chunk.value.byteLength;
  }
  lastByte = performance.now();
}

function kernelPeak(): number | null {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) * 1024 : null;
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
