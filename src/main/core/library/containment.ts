import { basename, isAbsolute, relative, sep } from 'node:path';
import { errorCode, type LibraryFs, type ReadableFile } from './libraryFs';

/**
 * The library is one folder, and nothing read or served from it may come from elsewhere: a
 * `<name>.mp4` linking to `/etc/passwd` must not play it. The port never follows a link;
 * here a link is resolved and accepted only when it leads inside the folder, whose own real
 * path (the user may have chosen a link) is resolved once, when the library opens it.
 * A hard link cannot be told from the file itself and is the user's own doing.
 */
export class OutsideLibraryError extends Error {
  constructor(readonly file: string) {
    super(`${file} is a link to a file outside the library folder, so it is refused`);
    this.name = 'OutsideLibraryError';
  }
}

/** Whether `path` (resolved) lies inside `root` (resolved), not being `root` itself. */
export function isInside(root: string, path: string): boolean {
  const rest = relative(root, path);
  return rest !== '' && rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest);
}

export const isLinkError = (error: unknown): boolean => errorCode(error) === 'ELOOP';

/** Where the link at `path` leads, with no link left along it; refused when that is outside `root`. */
export async function resolveLink(fs: LibraryFs, root: string, path: string): Promise<string> {
  const real = await fs.realpath(path);
  if (!isInside(root, real)) throw new OutsideLibraryError(basename(path));
  return real;
}

/**
 * Opens a file of the library for reading: a plain file, or a link to one inside `root`.
 * null when there is none (a dangling link included); `OutsideLibraryError` for a link out.
 */
export async function openInside(
  fs: LibraryFs,
  root: string,
  path: string,
): Promise<ReadableFile | null> {
  try {
    return await fs.openRead(path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    if (!isLinkError(error)) throw error;
  }
  let real: string;
  try {
    real = await resolveLink(fs, root, path);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
  let file: ReadableFile;
  try {
    file = await fs.openRead(real);
  } catch (error) {
    // The last step of a resolved path is no link, unless one was put there meanwhile.
    if (isLinkError(error)) throw new OutsideLibraryError(basename(path));
    throw error;
  }
  // Resolving and opening are two steps: a folder along `real` swapped for a link between
  // them would have led the open elsewhere. The file opened must be the one `real` still
  // names, by a path that is still free of links.
  const [now, again] = await Promise.all([
    fs.stat(real).catch(() => null),
    fs.realpath(real).catch(() => null),
  ]);
  if (now?.id !== file.info.id || again !== real) {
    await file.close();
    throw new OutsideLibraryError(basename(path));
  }
  return file;
}
