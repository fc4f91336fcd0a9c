import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobStore } from '../ports';

const ID = /^[a-f0-9]{64}$/;

/** Input images on disk, named by their SHA-256: written once, atomically. */
export class FileBlobStore implements BlobStore {
  constructor(private readonly dir: string) {}

  async put(bytes: Uint8Array): Promise<string> {
    const id = createHash('sha256').update(bytes).digest('hex');
    if (await this.has(id)) return id;
    await mkdir(this.dir, { recursive: true });
    // A name of its own: the same image stored twice at once must not share a temporary file
    // (the second rename would find it gone).
    const temp = join(this.dir, `${id}.tmp-${randomUUID()}`);
    await writeFile(temp, bytes, { flush: true });
    await rename(temp, this.path(id));
    return id;
  }

  async get(blobId: string): Promise<Uint8Array> {
    return readFile(this.path(blobId));
  }

  async has(blobId: string): Promise<boolean> {
    return stat(this.path(blobId)).then(
      () => true,
      () => false,
    );
  }

  async delete(blobId: string): Promise<void> {
    await rm(this.path(blobId), { force: true });
  }

  async list(): Promise<string[]> {
    const names = await readdir(this.dir).catch((error: NodeJS.ErrnoException) => {
      // No folder yet: nothing has been stored.
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    return names.filter((name) => ID.test(name));
  }

  private path(blobId: string): string {
    if (!ID.test(blobId)) throw new Error(`Not a blob id: ${blobId}`);
    return join(this.dir, blobId);
  }
}
