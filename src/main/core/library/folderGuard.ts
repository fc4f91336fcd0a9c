import { realpathSync } from 'node:fs';
import { isAbsolute, parse, relative, resolve, sep } from 'node:path';
import { UserError } from '../../../shared/contract/result';

/**
 * Moving the library moves its files: into the app's data folder they would mix with the
 * database and the key, and onto a folder that holds the data (or the root) they would
 * scatter over everything in it.
 */
export function refuseProtected(target: string, protectedFolders: readonly string[]): void {
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
  const folder = real(target);
  if (folder === parse(folder).root)
    throw new UserError(
      'invalid-request',
      'The library cannot be the root of a disk: choose a folder.',
    );
  for (const kept of protectedFolders.map(real)) {
    if (inside(folder, kept) || inside(kept, folder))
      throw new UserError(
        'invalid-request',
        `The library cannot be ${folder}: it would share a folder with Airframe's own data (${kept}). Choose another folder.`,
      );
  }
}
