import { app, BrowserWindow, dialog, net, shell } from 'electron';
import { join } from 'node:path';
import { createCore, type DemoBackend } from './core/createCore';
import { EventHub } from './core/eventHub';
import { messagesIn, pickLanguage } from './core/i18n';
import { promiseTry } from './core/promiseTry';
import { keepRunningInBackground } from './electron/background';
import { bindIpc, forwardEvents, isAppPage } from './electron/ipc';
import { followThemeSetting } from './electron/nativeTheme';
import { createElectronNotifier } from './electron/notifier';
import { APP_PAGE } from './electron/appScheme';
import {
  CLIP_MEDIA_BASE,
  handleAppScheme,
  handleClipScheme,
  registerPrivilegedSchemes,
} from './electron/protocol';
import { createElectronStore, createSafeStorageSecrets } from './electron/stores';
import { createMainWindow, guardPermissions } from './electron/window';
import { rememberBounds, restoredBounds } from './electron/windowState';
import { isPaidNotSaved } from '../shared/jobs';

// Wiring, top to bottom: one instance → schemes → stores → core → IPC, app:// and clip:// →
// window → background. A function, so that a second instance can return before any of it.
function main(): void {
  const outDir = join(import.meta.dirname, '..');
  // Only an unpackaged app follows the dev server: in a shipped one, this variable would let
  // whoever sets it put any page in the window, trusted by IPC.
  const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
  const isTrustedPage = isAppPage(devServerUrl);
  const resources = app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'build');

  // Tests (and portable setups) may keep everything in a folder of their own.
  const userData = process.env['AIRFRAME_USER_DATA'];
  if (userData) app.setPath('userData', userData);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerPrivilegedSchemes();

  app
    .whenReady()
    .then(() => startApp())
    .catch((error: unknown) => {
      // Without this a bad start (an API base refused, a database that cannot be opened)
      // leaves a process with no window; say what happened, then leave.
      const message = error instanceof Error ? error.message : String(error);
      // The settings may be what failed: the OS's language, not the setting's.
      const { t } = messagesIn(pickLanguage(app.getPreferredSystemLanguages()));
      dialog.showErrorBox(t('shell.startFailed'), message);
      app.exit(1);
    });

  async function startApp(): Promise<void> {
    guardPermissions(isTrustedPage);
    const store = createElectronStore();
    const events = new EventHub();
    const windows: { main?: BrowserWindow } = {};
    // Set once core exists; the folder picker is only opened after that.
    let t = messagesIn('en').t;
    const apiBase = process.env['AIRFORCE_API_BASE'];
    const core = await createCore({
      name: 'Airframe',
      version: app.getVersion(),
      host: 'electron',
      store,
      secrets: createSafeStorageSecrets(store),
      dataDir: app.getPath('userData'),
      defaultLibraryFolder: join(app.getPath('videos'), 'Airframe'),
      reveal: (path) => promiseTry(() => shell.showItemInFolder(path)),
      // openPath answers with an error message ('' when it opened) instead of rejecting.
      openPath: async (path) => {
        const failure = await shell.openPath(path);
        if (failure) throw new Error(failure);
      },
      chooseFolder: async () => {
        const options: Electron.OpenDialogOptions = {
          title: t('shell.chooseLibraryFolder'),
          properties: ['openDirectory', 'createDirectory'],
        };
        const picked = windows.main
          ? await dialog.showOpenDialog(windows.main, options)
          : await dialog.showOpenDialog(options);
        return picked.canceled ? null : (picked.filePaths[0] ?? null);
      },
      mediaMount: '',
      mediaBase: CLIP_MEDIA_BASE,
      notifier: createElectronNotifier(events, () => windows.main),
      events,
      // System proxy settings apply to net.fetch, not to Node's fetch.
      fetch: (url, init) => net.fetch(url, init),
      demo: loadedOnFirstStart(() =>
        import('../simulator/demoBackend').then(({ simulatorDemo }) =>
          simulatorDemo({
            mediaDir: app.isPackaged
              ? join(process.resourcesPath, 'simulator-media')
              : join(app.getAppPath(), 'src', 'simulator', 'media'),
          }),
        ),
      ),
      ...(apiBase ? { overrides: { apiBase } } : {}),
      log: (message, error) => console.error(`[core] ${message}`, error ?? ''),
      // 'system' follows the OS's languages, most preferred first.
      systemLanguages: () => app.getPreferredSystemLanguages(),
    });
    t = core.messages.t;
    forwardEvents(events, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
    followThemeSetting(events, core.settings.get().theme);
    bindIpc(core.handlers, isTrustedPage, core.dispatchTexts);
    handleAppScheme(join(outDir, 'renderer'));
    handleClipScheme(core.media);
    const page = {
      url: devServerUrl ?? APP_PAGE,
      isAppPage: isTrustedPage,
      preloadPath: join(outDir, 'preload', 'index.cjs'),
    };
    const win = createMainWindow(page, restoredBounds(store));
    windows.main = win;
    rememberBounds(win, store);
    keepRunningInBackground({
      win,
      iconPath: join(resources, 'icon.png'),
      unfinished: () => core.engine.jobs().filter((j) => isPaidNotSaved(j.status)).length,
      runInBackground: () => core.settings.get().runInBackground,
      messages: core.messages,
    });
    core.start();
    app.on('second-instance', () => {
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
    });
    app.on('will-quit', () => void core.stop());
  }

  app.on('window-all-closed', () => app.quit());
}

main();

/**
 * Demo mode only: the simulator is imported when the demo first starts, so it sits in its own
 * chunk and an app that never runs the demo never loads it.
 */
function loadedOnFirstStart(load: () => Promise<DemoBackend>): DemoBackend {
  let backend: Promise<DemoBackend> | null = null;
  return {
    start: () => (backend ??= load()).then((demo) => demo.start()),
    stop: async () => {
      if (backend) await (await backend).stop();
    },
  };
}
