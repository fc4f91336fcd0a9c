import type { ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import type { Fault } from './faults';

/**
 * Streams `chunks` with back-pressure, honouring the download faults: `cut` destroys the
 * socket after that many bytes; `slow` paces the bytes in real time.
 */
export async function sendBody(
  res: ServerResponse,
  chunks: Iterable<Buffer>,
  fault: Fault | undefined,
  signal: AbortSignal,
): Promise<void> {
  const cut = fault?.kind === 'cut';
  let budget = cut ? fault.afterBytes : Number.POSITIVE_INFINITY;
  const bytesPerSecond = fault?.kind === 'slow' ? fault.bytesPerSecond : undefined;
  // Ten slices a second: smooth enough for a progress bar, few enough timers.
  const sliceSize = bytesPerSecond
    ? Math.max(1, Math.floor(bytesPerSecond / 10))
    : Number.POSITIVE_INFINITY;

  for (const chunk of chunks) {
    let rest = chunk;
    while (rest.length > 0 && budget > 0) {
      const length = Math.min(rest.length, sliceSize, budget);
      const slice = rest.subarray(0, length);
      rest = rest.subarray(length);
      budget -= length;
      // Pausing first makes N bytes take N / rate seconds, the last one included.
      if (bytesPerSecond && !(await pause((1000 * length) / bytesPerSecond, signal))) return;
      if (!(await write(res, slice, cut))) return;
    }
    if (budget === 0) break;
  }
  if (cut) res.destroy();
  else res.end();
}

/** False once the client is gone. With `flushed`, waits until the bytes reached the socket. */
function write(res: ServerResponse, slice: Buffer, flushed: boolean): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    function onClose() {
      res.off('drain', done);
      resolve(false);
    }
    function done() {
      res.off('close', onClose);
      resolve(!res.destroyed);
    }
    res.once('close', onClose);
    const ready = res.write(slice, flushed ? done : undefined);
    if (flushed) return;
    if (ready) done();
    else res.once('drain', done);
  });
}

async function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  try {
    await delay(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}
