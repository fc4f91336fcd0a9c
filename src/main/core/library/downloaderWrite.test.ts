import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { StallWatch, writeBody, type BodyWrite } from './downloaderBody';
import type { WritableFile } from './libraryFs';
import { nodeLibraryFs } from './nodeLibraryFs';
import { tempDir } from '../../../../test/support/libraryTestKit';

// The body on its way to the disk, without a network: batches as one writev each, the
// background fdatasync every 16 MB, and what a failing disk makes of the download.
const MiB = 1 << 20;

function bodyOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
  });
}

/** A body the test feeds, a megabyte per chunk. */
function pushed() {
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return {
    stream,
    push: (count: number) => chunksOf(count, MiB).forEach((chunk) => controller?.enqueue(chunk)),
    end: () => controller?.close(),
  };
}

const chunksOf = (count: number, size: number) =>
  Array.from({ length: count }, (_, i) => new Uint8Array(size).fill(i % 251));

interface Deferred {
  resolve(): void;
  reject(error: unknown): void;
}

/** A file that records each write and fdatasync; each fdatasync ends when the test says. */
function recordingFile() {
  const writes: (readonly Uint8Array[])[] = [];
  const syncs: Deferred[] = [];
  const events: string[] = [];
  let written = 0;
  const file: WritableFile = {
    write: (chunks) => {
      writes.push(chunks);
      written += chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
      events.push(`write ${written / MiB}`);
      return Promise.resolve();
    },
    datasync: () =>
      new Promise<void>((resolve, reject) => {
        events.push(`datasync ${written / MiB}`);
        syncs.push({ resolve, reject });
      }),
    sync: () => (events.push('fsync'), Promise.resolve()),
    close: async () => {},
  };
  return { file, writes, syncs, events };
}

function write(file: WritableFile, chunks: Uint8Array[], extra: Partial<BodyWrite> = {}) {
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  return writeBody({
    body: bodyOf(chunks),
    file,
    start: 0,
    total,
    watch: new StallWatch(new ManualClock(), 30_000, () => new Error('stalled')),
    onProgress: () => {},
    ...extra,
  });
}

describe('writeBody: batches and syncs', () => {
  it('hands each batch to the disk as the chunks that arrived, never copied into one buffer', async () => {
    const chunks = chunksOf(40, 64 * 1024);
    const { file, writes } = recordingFile();
    await expect(write(file, chunks)).resolves.toBe(40 * 64 * 1024);

    expect(writes.flat()).toHaveLength(40);
    writes.flat().forEach((chunk, i) => expect(chunk).toBe(chunks[i]));
    expect(writes.slice(0, -1).every((batch) => batch.length === 16)).toBe(true);
  });

  it('fdatasyncs in the background every 16 MB, never two at once, and fsyncs at the end', async () => {
    const { file, syncs, events } = recordingFile();
    const body = pushed();
    const done = writeBody({
      body: body.stream,
      file,
      start: 0,
      total: 40 * MiB,
      watch: new StallWatch(new ManualClock(), 30_000, () => new Error('stalled')),
      onProgress: () => {},
    });
    const datasyncs = () => events.filter((event) => event.startsWith('datasync'));
    body.push(16);
    await until(() => datasyncs().length === 1);
    expect(datasyncs()).toEqual(['datasync 16']);
    // 20 MB more while it runs: written, and no second fdatasync beside the first.
    body.push(20);
    await until(() => events.includes('write 36'));
    expect(datasyncs()).toEqual(['datasync 16']);
    // Once it is done, the next write starts the next (more than 16 MB are unsynced by then).
    syncs[0]?.resolve();
    body.push(1);
    await until(() => datasyncs().length === 2);
    body.push(3);
    body.end();
    await until(() => events.includes('write 40'));
    // The end waits for the running fdatasync, then fsyncs.
    expect(events).not.toContain('fsync');
    syncs[1]?.resolve();
    await expect(done).resolves.toBe(40 * MiB);
    expect(events.filter((event) => !event.startsWith('write'))).toEqual([
      'datasync 16',
      'datasync 37',
      'fsync',
    ]);
  });

  it('fails the download with the reason of a failed background fdatasync, syncing what landed', async () => {
    const { file, syncs, events } = recordingFile();
    const done = write(file, chunksOf(40, MiB)).catch((error: unknown) => error);
    await until(() => syncs.length === 1);
    const full = Object.assign(new Error('ENOSPC: no space left on device, fdatasync'), {
      code: 'ENOSPC',
    });
    syncs[0]?.reject(full);
    expect(await done).toBe(full);
    expect(events.at(-1)).toBe('fsync');
  });
});

describe('nodeLibraryFs: write', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  beforeEach(async () => (dir = await tempDir()));
  afterEach(() => dir.remove());

  it('appends every chunk in order, empty ones included', async () => {
    const path = join(dir.path, 'clip.mp4.part');
    const file = await nodeLibraryFs.openWrite(path, { truncate: true });
    const chunks = [...chunksOf(3, 1000), new Uint8Array(0), ...chunksOf(2, 7)];
    await file.write(chunks);
    await file.write([new Uint8Array(0)]);
    await file.datasync();
    await file.close();
    expect(new Uint8Array(await readFile(path))).toEqual(new Uint8Array(Buffer.concat(chunks)));
  });
});

/** Lets the body's stream and the writes run until `test` holds (no timers involved). */
async function until(test: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !test(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(test()).toBe(true);
}
