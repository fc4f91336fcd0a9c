import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { AppService } from './core/appService';
import { SettingsService } from './core/settings/settingsService';
import { EventHub } from './core/eventHub';
import { bindIpc, forwardEvents } from './electron/ipc';
import { createElectronStore, createSafeStorageSecrets } from './electron/stores';
import { createMainWindow, denyAllPermissions } from './electron/window';

// Wiring, top to bottom: stores → services → IPC → window.
const outDir = join(import.meta.dirname, '..');
const rendererUrl = process.env['ELECTRON_RENDERER_URL'];

if (!app.requestSingleInstanceLock()) app.quit();

app.whenReady().then(() => {
  denyAllPermissions();
  const store = createElectronStore();
  const settings = new SettingsService(store);
  const secrets = createSafeStorageSecrets(store);
  const events = new EventHub();
  const service = new AppService({
    name: 'Airframe',
    version: app.getVersion(),
    host: 'electron',
    settings,
    secrets,
    emit: events.emit,
  });
  forwardEvents(events, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  bindIpc(service.handlers, (url) =>
    rendererUrl ? url.startsWith(rendererUrl) : url.startsWith('file://'),
  );
  const win = createMainWindow(rendererUrl, outDir);
  app.on('second-instance', () => {
    if (win.isMinimized()) win.restore();
    win.focus();
  });
});

app.on('window-all-closed', () => app.quit());
