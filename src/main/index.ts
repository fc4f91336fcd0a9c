import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createCore } from './core/createCore';
import { EventHub } from './core/eventHub';
import { bindIpc, forwardEvents } from './electron/ipc';
import { createElectronNotifier } from './electron/notifier';
import { createElectronStore, createSafeStorageSecrets } from './electron/stores';
import { createMainWindow, denyAllPermissions } from './electron/window';

// Wiring, top to bottom: stores → core → IPC → window.
const outDir = join(import.meta.dirname, '..');
const rendererUrl = process.env['ELECTRON_RENDERER_URL'];

if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(() => {
  denyAllPermissions();
  const store = createElectronStore();
  const events = new EventHub();
  let win: BrowserWindow | undefined;
  const apiBase = process.env['AIRFORCE_API_BASE'];
  const core = createCore({
    name: 'Airframe',
    version: app.getVersion(),
    host: 'electron',
    store,
    secrets: createSafeStorageSecrets(store),
    dataDir: app.getPath('userData'),
    notifier: createElectronNotifier(events, () => win),
    events,
    ...(apiBase ? { overrides: { apiBase } } : {}),
    log: (message, error) => console.error(`[core] ${message}`, error ?? ''),
  });
  forwardEvents(events, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  bindIpc(core.handlers, (url) => (rendererUrl ? url.startsWith(rendererUrl) : url.startsWith('file://')));
  win = createMainWindow(rendererUrl, outDir);
  core.start();
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('before-quit', () => void core.stop());
});

app.on('window-all-closed', () => app.quit());
