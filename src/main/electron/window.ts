import { BrowserWindow, shell, session, type Session, type WebContents } from 'electron';

/** The options every Airframe window gets: Electron's own security checklist, said out loud. */
export function secureWebPreferences(preloadPath: string): Electron.WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** Only `https:` links leave the app, and only to the system browser. */
export function openExternalIfSafe(url: string): void {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (parsed?.protocol === 'https:') void shell.openExternal(parsed.href);
}

/**
 * Every permission is denied, asked for (request) or merely tested (check: most web APIs
 * check first, and a missing check handler answers yes), and no device is handed out. The
 * one exception is fullscreen for the app's own page: the player's fullscreen button.
 */
export function guardPermissions(
  isAppPage: (url: string) => boolean,
  ses: Session = session.defaultSession,
): void {
  const allowed = (permission: string, url: string | undefined) =>
    permission === 'fullscreen' && isAppPage(url ?? '');
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(allowed(permission, details.requestingUrl)),
  );
  ses.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    allowed(permission, details.requestingUrl),
  );
  ses.setDevicePermissionHandler(() => false);
}

/**
 * Nothing in the window leaves the app's page: the page cannot navigate elsewhere (reloading
 * itself is fine), no frame can navigate at all, no `<webview>` attaches, and new windows are
 * refused, `https:` links going to the system browser instead.
 */
export function guardNavigation(contents: WebContents, isAppPage: (url: string) => boolean): void {
  contents.on('will-navigate', (event) => {
    if (!isAppPage(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !isAppPage(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfSafe(url);
    return { action: 'deny' };
  });
}

export interface MainWindowPage {
  /** `app://airframe/index.html`, or the dev server's URL in development. */
  url: string;
  isAppPage: (url: string) => boolean;
  preloadPath: string;
}

export function createMainWindow(
  page: MainWindowPage,
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
    webPreferences: secureWebPreferences(page.preloadPath),
  });
  win.once('ready-to-show', () => {
    if (maximized) win.maximize();
    win.show();
  });
  guardNavigation(win.webContents, page.isAppPage);
  void win.loadURL(page.url);
  return win;
}
