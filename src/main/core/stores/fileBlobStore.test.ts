import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileBlobStore } from './fileBlobStore';

describe('FileBlobStore', () => {
  it('stores the same image put many times at once, once, and leaves no temporary file', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'airframe-blobs-')), 'inputs');
    const blobs = new FileBlobStore(dir);
    const bytes = new Uint8Array(256 * 1024).fill(7);
    const ids = await Promise.all(Array.from({ length: 8 }, () => blobs.put(bytes)));
    expect(new Set(ids).size).toBe(1);
    expect(readdirSync(dir)).toEqual([ids[0]]);
    expect(await blobs.get(ids[0]!)).toEqual(Buffer.from(bytes));
  });

  it('lists the stored images only: not files being written, not other files, nothing before the first', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'airframe-blobs-')), 'inputs');
    const blobs = new FileBlobStore(dir);
    expect(await blobs.list()).toEqual([]);
    const id = await blobs.put(new Uint8Array([1, 2, 3]));
    writeFileSync(join(dir, `${id}.tmp-partial`), 'half');
    writeFileSync(join(dir, 'notes.txt'), 'not an image');
    expect(await blobs.list()).toEqual([id]);
  });
});
