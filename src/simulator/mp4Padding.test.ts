import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultMediaDir } from './media';
import { freeBoxHeader, paddingBoxSize } from './mp4Padding';
import {
  closeTestSimulators,
  completedTask,
  readBytes,
  startTestSimulator,
} from '../../test/support/testSimulator';

afterEach(closeTestSimulators);

const clip = readFileSync(join(defaultMediaDir, '16x9.mp4'));

/** The top-level boxes of an MP4: [type, size] each, which must tile the file exactly. */
function topLevelBoxes(bytes: Buffer): [string, number][] {
  const boxes: [string, number][] = [];
  for (let at = 0; at < bytes.length;) {
    const small = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const size = small === 1 ? Number(bytes.readBigUInt64BE(at + 8)) : small;
    if (size < 8 || at + size > bytes.length)
      throw new Error(`Bad box ${type} of ${size} bytes at ${at}`);
    boxes.push([type, size]);
    at += size;
  }
  return boxes;
}

describe('MP4 padding', () => {
  it('sizes the free box to reach the target, 8 bytes at least, none when already large enough', () => {
    expect(paddingBoxSize(1_000, 5_000)).toBe(4_000);
    expect(paddingBoxSize(1_000, 1_003)).toBe(8);
    expect(paddingBoxSize(1_000, 1_000)).toBe(0);
    expect(paddingBoxSize(1_000, 10)).toBe(0);
  });

  it('writes a 32-bit size, or size 1 and a 64-bit largesize beyond 4 GiB', () => {
    expect(freeBoxHeader(4_000)).toEqual(Buffer.from([0, 0, 0x0f, 0xa0, 0x66, 0x72, 0x65, 0x65]));
    expect(freeBoxHeader(0xffffffff).readUInt32BE(0)).toBe(0xffffffff);
    const large = freeBoxHeader(0x1_0000_0010);
    expect(large).toHaveLength(16);
    expect(large.readUInt32BE(0)).toBe(1);
    expect(large.toString('latin1', 4, 8)).toBe('free');
    expect(large.readBigUInt64BE(8)).toBe(0x1_0000_0010n);
  });

  it('pads a download to the exact size, still a valid MP4 of whole boxes', async () => {
    const sim = await startTestSimulator({ padBytes: 3_000_000 });
    const { result_url: url } = await completedTask(sim);
    const response = await fetch(url as string);
    expect(response.headers.get('content-length')).toBe('3000000');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes).toHaveLength(3_000_000);
    expect(bytes.subarray(0, clip.length)).toEqual(clip);
    const boxes = topLevelBoxes(bytes);
    expect(boxes.map(([type]) => type)).toEqual([
      ...topLevelBoxes(clip).map(([type]) => type),
      'free',
    ]);
    expect(boxes.at(-1)).toEqual(['free', 3_000_000 - clip.length]);
  });

  it('changes size and ETag when the padding changes at run time', async () => {
    const sim = await startTestSimulator();
    const { result_url: url } = await completedTask(sim);
    const before = await fetch(url as string, { method: 'HEAD' });
    sim.setPadBytes(1_000_000);
    const after = await fetch(url as string, { method: 'HEAD' });
    expect(before.headers.get('content-length')).toBe(String(clip.length));
    expect(after.headers.get('content-length')).toBe('1000000');
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(() => sim.setPadBytes(-1)).toThrow(RangeError);
  });

  it('streams a 200 MB file without building it', async () => {
    const sim = await startTestSimulator({ padBytes: 200 * 1024 * 1024 });
    const { result_url: url } = await completedTask(sim);
    // node:http rather than fetch: counting 200 MB through fetch's web streams takes seconds.
    const received = await new Promise<number>((resolve, reject) => {
      get(url as string, (response) => {
        let count = 0;
        response.on('data', (chunk: Buffer) => (count += chunk.length));
        response.on('end', () => resolve(count));
        response.on('error', reject);
      }).on('error', reject);
    });
    expect(received).toBe(200 * 1024 * 1024);
  });

  it('serves ranges of a 5 GB file, whose free box needs a largesize', async () => {
    const total = 5_000_000_000;
    const sim = await startTestSimulator({ padBytes: total });
    const { result_url: url } = await completedTask(sim);
    const header = await fetch(url as string, {
      headers: { Range: `bytes=${clip.length}-${clip.length + 15}` },
    });
    expect(header.status).toBe(206);
    expect(header.headers.get('content-range')).toBe(
      `bytes ${clip.length}-${clip.length + 15}/${total}`,
    );
    const box = Buffer.from(await header.arrayBuffer());
    expect(box.readUInt32BE(0)).toBe(1);
    expect(box.toString('latin1', 4, 8)).toBe('free');
    expect(Number(box.readBigUInt64BE(8))).toBe(total - clip.length);
    const tail = await readBytes(await fetch(url as string, { headers: { Range: 'bytes=-100' } }));
    expect(tail).toEqual({ bytes: Buffer.alloc(100), error: false });
  });
});
