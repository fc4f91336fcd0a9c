import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, posix, win32 } from 'node:path';

/**
 * The per-user folders the desktop app uses, worked out without Electron so the browser
 * host (plain Node) keeps its data and library in the same places: app data as Electron's
 * `app.getPath('userData')` for productName "Airframe", the library as
 * `join(app.getPath('videos'), 'Airframe')` (`src/main/index.ts`). Pure but for `readFile`.
 */
export interface UserFolderEnv {
  platform: NodeJS.Platform;
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  /** A file's text, or null when it cannot be read (`~/.config/user-dirs.dirs`). */
  readFile(path: string): string | null;
}

export interface UserFolders {
  dataDir: string;
  libraryFolder: string;
}

const APP = 'Airframe';

export function userFolders(e: UserFolderEnv): UserFolders {
  return { dataDir: appDataDir(e), libraryFolder: videosDir(e, APP) };
}

/** Electron's `userData`: its `appData` folder plus the product name. */
export function appDataDir(e: UserFolderEnv): string {
  if (e.platform === 'win32')
    return win32.join(e.env['APPDATA'] ?? win32.join(e.home, 'AppData', 'Roaming'), APP);
  if (e.platform === 'darwin') return posix.join(e.home, 'Library', 'Application Support', APP);
  return posix.join(configHome(e), APP);
}

/** Electron's `videos` (Chromium's DIR_USER_VIDEOS), with `name` appended. */
export function videosDir(e: UserFolderEnv, name: string): string {
  if (e.platform === 'win32') return win32.join(e.env['USERPROFILE'] ?? e.home, 'Videos', name);
  if (e.platform === 'darwin') return posix.join(e.home, 'Movies', name);
  return posix.join(xdgVideos(e) ?? posix.join(e.home, 'Videos'), name);
}

function configHome(e: UserFolderEnv): string {
  const xdg = e.env['XDG_CONFIG_HOME'];
  // The XDG spec ignores a relative path here.
  return xdg && posix.isAbsolute(xdg) ? xdg : posix.join(e.home, '.config');
}

/**
 * `XDG_VIDEOS_DIR` from `user-dirs.dirs` (written by xdg-user-dirs-update): a line
 * `XDG_VIDEOS_DIR="$HOME/Videos"` or an absolute path. One set to the home folder itself
 * means "no such folder" (as xdg-user-dirs has it), so the default applies.
 */
function xdgVideos(e: UserFolderEnv): string | null {
  const text = e.readFile(posix.join(configHome(e), 'user-dirs.dirs'));
  const value = text
    ?.split('\n')
    .map((line) => /^\s*XDG_VIDEOS_DIR\s*=\s*"(.*)"\s*$/.exec(line)?.[1])
    .findLast((v) => v !== undefined);
  if (value === undefined) return null;
  const path = value.startsWith('$HOME')
    ? posix.join(e.home, value.slice('$HOME'.length))
    : value.startsWith('/')
      ? value
      : null;
  if (path === null || posix.relative(e.home, path) === '') return null;
  return posix.normalize(path).replace(/\/+$/, '');
}

/**
 * The browser host's folders: the desktop app's by default; `--data-dir` keeps everything
 * in that one folder (tests, benchmarks, a portable setup), the library included unless
 * `--library` names another.
 */
export function hostFolders(
  args: { dataDir?: string | undefined; library?: string | undefined },
  defaults: () => UserFolders,
): UserFolders {
  const base = args.dataDir
    ? { dataDir: args.dataDir, libraryFolder: join(args.dataDir, 'library') }
    : defaults();
  return args.library ? { ...base, libraryFolder: args.library } : base;
}

/** This process's folders. */
export function currentUserFolders(): UserFolders {
  return userFolders({
    platform: process.platform,
    home: homedir(),
    env: process.env,
    readFile: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
  });
}
