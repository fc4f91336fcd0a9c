import { realpathSync } from 'node:fs';
import { isAbsolute, parse, relative, resolve, sep } from 'node:path';
import { UserError } from '../../../shared/contract/result';

/** The app's own folders, as far as moving the library goes. */
export interface AppFolders {
  /** The data folder: the library may be a folder inside it, never it or around it. */
  data?: string;
  /** Folders with the app's own files (input images, backups): never it, in it, or around it. */
  reserved?: readonly string[];
}

const real = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};

const inside = (child: string, parent: string) => {
  const rel = relative(parent, child);
  return rel === '' || (rel.split(sep)[0] !== '..' && !isAbsolute(rel));
};

/**
 * Moving the library moves its files: onto the data folder they would mix with the
 * database and the key; onto a folder holding the data (or a disk's root) they would
 * scatter over everything in it; into the input images or backups, among the app's files.
 */
export function refuseProtected(target: string, folders: AppFolders): void {
  const folder = real(target);
  const refuse = (why: string) => {
    throw new UserError(
      'invalid-request',
      `The library cannot be ${folder}: ${why} Choose another folder.`,
    );
  };
  if (folder === parse(folder).root) refuse('it is the root of a disk.');
  const data = folders.data ? real(folders.data) : null;
  if (data && inside(data, folder)) refuse(`it would hold Airframe's own data (${data}).`);
  for (const kept of (folders.reserved ?? []).map(real)) {
    if (inside(folder, kept) || inside(kept, folder))
      refuse(`it would share a folder with Airframe's own files (${kept}).`);
  }
}
