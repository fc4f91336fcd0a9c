import { describe, expect, it } from 'vitest';
import { userFolders, type UserFolderEnv } from './userFolders';

const linux = (
  env: Record<string, string> = {},
  files: Record<string, string> = {},
): UserFolderEnv => ({
  platform: 'linux',
  home: '/home/ann',
  env,
  readFile: (path) => files[path] ?? null,
});

/**
 * Issue 14, stumble 13: `npm start` (the browser host) kept its data and library in the
 * system's temp folder, gone after a reboot. The same folders as the desktop app instead.
 */
describe('the per-user folders, as the desktop app has them', () => {
  it('Linux: ~/.config/Airframe and ~/Videos/Airframe', () => {
    expect(userFolders(linux())).toEqual({
      dataDir: '/home/ann/.config/Airframe',
      libraryFolder: '/home/ann/Videos/Airframe',
    });
  });

  it('Linux: honours XDG_CONFIG_HOME (absolute only), where user-dirs.dirs is read too', () => {
    const dirs = 'XDG_VIDEOS_DIR="$HOME/Filme"\n';
    expect(
      userFolders(linux({ XDG_CONFIG_HOME: '/cfg' }, { '/cfg/user-dirs.dirs': dirs })),
    ).toEqual({ dataDir: '/cfg/Airframe', libraryFolder: '/home/ann/Filme/Airframe' });
    expect(userFolders(linux({ XDG_CONFIG_HOME: 'relative/cfg' })).dataDir).toBe(
      '/home/ann/.config/Airframe',
    );
  });

  it('Linux: XDG_VIDEOS_DIR from ~/.config/user-dirs.dirs, as $HOME/… or an absolute path', () => {
    const file = (text: string) => linux({}, { '/home/ann/.config/user-dirs.dirs': text });
    const written = [
      '# This file is written by xdg-user-dirs-update',
      'XDG_DESKTOP_DIR="$HOME/Bureaublad"',
      'XDG_VIDEOS_DIR="$HOME/Video\'s"',
    ].join('\n');
    expect(userFolders(file(written)).libraryFolder).toBe("/home/ann/Video's/Airframe");
    expect(userFolders(file('XDG_VIDEOS_DIR="/data/films/"')).libraryFolder).toBe(
      '/data/films/Airframe',
    );
    // Set to the home folder itself: xdg-user-dirs' way of saying there is none.
    expect(userFolders(file('XDG_VIDEOS_DIR="$HOME/"')).libraryFolder).toBe(
      '/home/ann/Videos/Airframe',
    );
    expect(userFolders(file('XDG_VIDEOS_DIR="films"')).libraryFolder).toBe(
      '/home/ann/Videos/Airframe',
    );
  });

  it('macOS: ~/Library/Application Support/Airframe and ~/Movies/Airframe', () => {
    expect(userFolders({ ...linux(), platform: 'darwin', home: '/Users/ann' })).toEqual({
      dataDir: '/Users/ann/Library/Application Support/Airframe',
      libraryFolder: '/Users/ann/Movies/Airframe',
    });
  });

  it('Windows: %APPDATA%\\Airframe and %USERPROFILE%\\Videos\\Airframe', () => {
    const windows: UserFolderEnv = {
      platform: 'win32',
      home: 'C:\\Users\\ann',
      env: { APPDATA: 'D:\\Roaming', USERPROFILE: 'C:\\Users\\ann' },
      readFile: () => null,
    };
    expect(userFolders(windows)).toEqual({
      dataDir: 'D:\\Roaming\\Airframe',
      libraryFolder: 'C:\\Users\\ann\\Videos\\Airframe',
    });
    expect(userFolders({ ...windows, env: {} }).dataDir).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Airframe',
    );
  });
});
