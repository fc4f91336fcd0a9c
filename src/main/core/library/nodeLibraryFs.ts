import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, watch } from 'node:fs';
import type { Stats } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  lstat,
  mkdir,
  open,
  readdir,
  realpath,
  rename,
  unlink,
  type FileHandle,
} from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  errorCode,
  type EntryInfo,
  type EntryKind,
  type FileInfo,
  type LibraryFs,
  type ReadableFile,
} from './libraryFs';

/*
 * The library's file system port (`libraryFs.ts`) on Node's `fs`: no call follows a link —
 * O_NOFOLLOW where the platform has it, a look first where it does not.
 */

const fsError = (code: string, message: string): Error =>
  Object.assign(new Error(`${code}: ${message}`), { code });

/** Windows has no O_NOFOLLOW (nor O_NONBLOCK): there a link is looked for before opening. */
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
// A FIFO named `x.mp4` would block an open for reading until a writer comes; refused after fstat.
const READ = constants.O_RDONLY | NOFOLLOW | (constants.O_NONBLOCK ?? 0);
const { O_WRONLY, O_CREAT, O_TRUNC, O_APPEND, O_EXCL } = constants;

/** Linux and macOS say ELOOP to O_NOFOLLOW on a link, FreeBSD EMLINK, NetBSD EFTYPE. */
function asLinkError(error: unknown, path: string): unknown {
  const code = errorCode(error);
  if (code !== 'ELOOP' && code !== 'EMLINK' && code !== 'EFTYPE') return error;
  return fsError('ELOOP', `${path} is a symbolic link`);
}

function kindOf(info: Stats): EntryKind {
  if (info.isSymbolicLink()) return 'link';
  if (info.isFile()) return 'file';
  return info.isDirectory() ? 'directory' : 'other';
}

const entryInfo = (info: Stats): EntryInfo => ({
  size: info.size,
  mtimeMs: info.mtimeMs,
  kind: kindOf(info),
  id: `${info.dev}:${info.ino}`,
});

async function openNoFollow(path: string, flags: number, mode?: number): Promise<FileHandle> {
  if (NOFOLLOW === 0 && (await lstat(path).catch(() => null))?.isSymbolicLink())
    throw fsError('ELOOP', `${path} is a symbolic link`);
  try {
    return await open(path, flags | NOFOLLOW, mode);
  } catch (error) {
    throw asLinkError(error, path);
  }
}

function openNoFollowSync(path: string): number {
  if (NOFOLLOW === 0 && lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink())
    throw fsError('ELOOP', `${path} is a symbolic link`);
  try {
    return openSync(path, READ);
  } catch (error) {
    throw asLinkError(error, path);
  }
}

function readable(handle: FileHandle, info: EntryInfo): ReadableFile {
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    info,
    async read() {
      try {
        return await handle.readFile();
      } finally {
        await close();
      }
    },
    stream(start, end) {
      closed = true; // the stream closes it (autoClose)
      const stream = handle.createReadStream({ start, end, autoClose: true });
      return Readable.toWeb(stream) as ReadableStream<Uint8Array>;
    },
    close,
  };
}

export const nodeLibraryFs: LibraryFs = {
  async mkdir(dir) {
    await mkdir(dir, { recursive: true });
  },
  realpath: (path) => realpath(path),
  async stat(path) {
    try {
      return entryInfo(await lstat(path));
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
  },
  async list(dir) {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.map((entry) => ({
      name: entry.name,
      kind: entry.isSymbolicLink()
        ? 'link'
        : entry.isFile()
          ? 'file'
          : entry.isDirectory()
            ? 'directory'
            : 'other',
    }));
  },
  async openRead(path) {
    const handle = await openNoFollow(path, READ);
    const info = entryInfo(await handle.stat());
    if (info.kind !== 'file') {
      await handle.close();
      throw fsError('ENOTREG', `${path} is not a regular file`);
    }
    return readable(handle, info);
  },
  async openWrite(path, { truncate }) {
    const handle = await openNoFollow(path, O_WRONLY | O_CREAT | (truncate ? O_TRUNC : O_APPEND));
    return {
      write: async (chunks) => {
        let rest: readonly Uint8Array[] = chunks.filter((chunk) => chunk.byteLength > 0);
        // writev may write less than asked (a disk filling up): the rest goes in a next call,
        // which then fails with the reason.
        while (rest.length > 0) {
          const { bytesWritten } = await handle.writev(rest);
          if (bytesWritten === 0) throw new Error('The disk accepted no bytes of a write');
          rest = after(rest, bytesWritten);
        }
      },
      datasync: () => handle.datasync(),
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  async readFile(path) {
    return (await nodeLibraryFs.openRead(path)).read();
  },
  statMany: (paths) =>
    inSlices(paths, (path) => {
      const info = lstatSync(path, { throwIfNoEntry: false });
      return info ? entryInfo(info) : null;
    }),
  readMany: (paths) => inSlices(paths, readWithInfo),
  async writeFileAtomic(path, bytes) {
    const temp = `${path}.tmp`;
    // Whatever a crash (or anyone else) left at the temporary name goes; the new one is made
    // by this open alone (O_EXCL), so a link there is never written through.
    await nodeLibraryFs.remove(temp);
    const handle = await openNoFollow(temp, O_WRONLY | O_CREAT | O_EXCL, 0o666);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  },
  rename: (from, to) => rename(from, to),
  async copyFile(from, to) {
    const handle = await openNoFollow(to, O_WRONLY | O_CREAT | O_TRUNC, 0o666).catch(
      async (error: unknown) => {
        await from.close();
        throw error;
      },
    );
    try {
      if (from.info.size === 0) await from.close();
      else for await (const chunk of from.stream(0, from.info.size - 1)) await handle.write(chunk);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  async remove(path) {
    try {
      await unlink(path);
    } catch (error) {
      if (errorCode(error) !== 'ENOENT') throw error;
    }
  },
  watch(dir, onChange) {
    try {
      const watcher = watch(dir, { persistent: false }, (_event, file) =>
        onChange(file ? String(file) : null),
      );
      // A folder removed or unplugged while watched: the next rescan reports it.
      watcher.on('error', () => watcher.close());
      return () => watcher.close();
    } catch {
      // Some folders cannot be watched (network shares): `rescan()` still follows them.
      return () => {};
    }
  },
};

/** The bytes and the size and mtime they had, from one open file (no separate stat pass). */
function readWithInfo(path: string): { bytes: Uint8Array; info: FileInfo } {
  const fd = openNoFollowSync(path);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw fsError('ENOTREG', `${path} is not a regular file`);
    const bytes = Buffer.alloc(info.size);
    let read = 0;
    while (read < info.size) {
      const count = readSync(fd, bytes, read, info.size - read, read);
      if (count === 0) break;
      read += count;
    }
    return { bytes: bytes.subarray(0, read), info: { size: info.size, mtimeMs: info.mtimeMs } };
  } finally {
    closeSync(fd);
  }
}

const SLICE = 250;

/**
 * Thousands of small synchronous calls, a slice at a time with a turn of the event loop in
 * between: ten times faster than as many async calls (each a thread-pool round trip), and the
 * process still answers between slices. 10,000 sidecars load in a fraction of a second.
 */
async function inSlices<T>(
  paths: readonly string[],
  each: (path: string) => T,
): Promise<(T | Error)[]> {
  const results: (T | Error)[] = [];
  for (let start = 0; start < paths.length; start += SLICE) {
    if (start > 0) await nextTurn();
    for (const path of paths.slice(start, start + SLICE)) {
      try {
        results.push(each(path));
      } catch (error) {
        results.push(error instanceof Error ? error : new Error(String(error)));
      }
    }
  }
  return results;
}

/** What is left of `chunks` once their first `count` bytes are written. */
function after(chunks: readonly Uint8Array[], count: number): readonly Uint8Array[] {
  let skip = count;
  let index = 0;
  while (index < chunks.length && skip >= chunks[index]!.byteLength) {
    skip -= chunks[index]!.byteLength;
    index += 1;
  }
  const rest = chunks.slice(index);
  if (skip > 0 && rest.length > 0) rest[0] = rest[0]!.subarray(skip);
  return rest;
}
