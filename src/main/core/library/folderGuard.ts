import { realpathSync } from 'node:fs';
import { isAbsolute, parse, relative, resolve, sep } from 'node:path';
import { UserError } from '../../../shared/contract/result';
import { english, type Translate } from '../i18n';

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
export function refuseProtected(
  target: string,
  folders: AppFolders,
  t: Translate = english.t,
): void {
  const folder = real(target);
  const refuse = (why: string) => {
    throw new UserError('invalid-request', t('library.protected', { folder, why }));
  };
  if (folder === parse(folder).root) refuse(t('library.diskRoot'));
  const data = folders.data ? real(folders.data) : null;
  if (data && inside(data, folder)) refuse(t('library.holdsAppData', { data }));
  for (const kept of (folders.reserved ?? []).map(real)) {
    if (inside(folder, kept) || inside(kept, folder))
      refuse(t('library.sharesAppFolder', { kept }));
  }
}
