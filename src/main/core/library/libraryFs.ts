/** An open file a download appends to. */
export interface WritableFile {
  /** Appends the chunks in order, all of them (one `writev`, no copy into one buffer). */
  write(chunks: readonly Uint8Array[]): Promise<void>;
  /** Pushes the written bytes to the disk (fdatasync), not the file's times. */
  datasync(): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface FileInfo {
  size: number;
  mtimeMs: number;
}

export type EntryKind = 'file' | 'link' | 'directory' | 'other';

/** A directory entry itself (a link is a link here, never what it points to). */
export interface EntryInfo extends FileInfo {
  kind: EntryKind;
  /** Device and inode: the same file under two names has the same id. */
  id: string;
}

/** A regular file opened for reading. `read` and `stream` close it when done. */
export interface ReadableFile {
  readonly info: EntryInfo;
  read(): Promise<Uint8Array>;
  /** The bytes `start..end` (inclusive); closes the file at the end or when cancelled. */
  stream(start: number, end: number): ReadableStream<Uint8Array>;
  close(): Promise<void>;
}

/**
 * The file system as the library uses it. A port so tests can make a disk "full" (ENOSPC)
 * or slow without touching a real one; paths are absolute and built by the library itself.
 *
 * Nothing here follows a symbolic link: a link is reported (`kind: 'link'`), refused with
 * `ELOOP` when opened, replaced when written over, removed itself when removed. Only
 * `realpath` resolves links, so the library decides where a link may lead (`containment.ts`).
 */
export interface LibraryFs {
  mkdir(dir: string): Promise<void>;
  /** The path with every link along it resolved. */
  realpath(path: string): Promise<string>;
  /** null when nothing is there. */
  stat(path: string): Promise<EntryInfo | null>;
  list(dir: string): Promise<{ name: string; kind: EntryKind }[]>;
  /** Refuses a link (`ELOOP`) and anything but a regular file (`ENOTREG`). */
  openRead(path: string): Promise<ReadableFile>;
  /** Opens for appending (`truncate`: start empty), creating the file when missing. */
  openWrite(path: string, options: { truncate: boolean }): Promise<WritableFile>;
  readFile(path: string): Promise<Uint8Array>;
  /** Many small files (sidecars) at once: `null` for a missing one, the error for an unreadable one. */
  statMany(paths: readonly string[]): Promise<(EntryInfo | null | Error)[]>;
  readMany(paths: readonly string[]): Promise<({ bytes: Uint8Array; info: FileInfo } | Error)[]>;
  /** Written to a temporary file, fsynced and renamed: a crash leaves old or new, never half. */
  writeFileAtomic(path: string, bytes: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Writes what `from` holds to `to` (created or emptied first), fsynced; closes `from`. */
  copyFile(from: ReadableFile, to: string): Promise<void>;
  /** Removes a file (a link: the link); a missing file is not an error. */
  remove(path: string): Promise<void>;
  /** Calls `onChange` (with the file name when known) when something in `dir` changes; returns a function that stops watching. */
  watch(dir: string, onChange: (file: string | null) => void): () => void;
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
