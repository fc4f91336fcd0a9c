import { BrowserWindow, shell, session } from 'electron';
import { join } from 'node:path';

/** The options every Airframe window gets: Electron's own security checklist. */
export function secureWebPreferences(preloadPath: string): Electron.WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    spellcheck: false,
  };
}

/** Only `https:` links leave the app, and only to the system browser. */
export function openExternalIfSafe(url: string): void {
  if (url.startsWith('https:')) void shell.openExternal(url);
}

export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

export function createMainWindow(
  rendererUrl: string | undefined,
  outDir: string,
  bounds: Partial<Electron.Rectangle> & { maximized?: boolean } = {},
): BrowserWindow {
  const { maximized, ...rect } = bounds;
  const win = new BrowserWindow({
    width: 1200,
    height: 800,
    ...rect,
    minWidth: 720,
    minHeight: 480,
    title: 'Airframe',
    show: false,
    webPreferences: secureWebPreferences(join(outDir, 'preload', 'index.cjs')),
  });
  win.once('ready-to-show', () => {
    if (maximized) win.maximize();
    win.show();
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    openExternalIfSafe(url);
    return { action: 'deny' };
  });
  if (rendererUrl) void win.loadURL(rendererUrl);
  else void win.loadFile(join(outDir, 'renderer', 'index.html'));
  return win;
}
