import { app, dialog, Menu, nativeImage, Tray, type BrowserWindow } from 'electron';
import { english, type Messages } from '../core/i18n';

export interface BackgroundOptions {
  win: BrowserWindow;
  iconPath: string;
  /** Jobs submitted or downloading: closing the window must not lose track of them. */
  unfinished(): number;
  runInBackground(): boolean;
  /** The tray's and the quit dialog's language, asked each time they are shown. */
  messages?: Messages;
}

/**
 * Closing the window keeps the engine running in the tray while jobs are unfinished (a
 * setting); quitting with unfinished jobs says they will resume at the next start.
 */
export function keepRunningInBackground(options: BackgroundOptions): void {
  const { win } = options;
  const { t } = options.messages ?? english;
  let tray: Tray | null = null;
  let quitting = false;

  const showWindow = () => {
    win.show();
    win.focus();
    tray?.destroy();
    tray = null;
  };

  win.on('close', (event) => {
    if (quitting || !options.runInBackground() || options.unfinished() === 0) return;
    event.preventDefault();
    win.hide();
    tray ??= createTray(options.iconPath, t, options.unfinished(), showWindow, () => app.quit());
  });

  app.on('before-quit', (event) => {
    if (quitting) return;
    const unfinished = options.unfinished();
    if (unfinished > 0) {
      const choice = dialog.showMessageBoxSync({
        type: 'question',
        buttons: [t('shell.quitAnyway'), t('shell.keepRunning')],
        defaultId: 0,
        cancelId: 1,
        message: t('shell.quitUnfinished', { count: unfinished }),
        detail: t('shell.quitUnfinishedDetail'),
      });
      if (choice === 1) return event.preventDefault();
    }
    quitting = true;
  });
}

function createTray(
  iconPath: string,
  t: Messages['t'],
  unfinished: number,
  show: () => void,
  quit: () => void,
): Tray {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.setToolTip(t('shell.trayTooltip', { count: unfinished }));
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: t('shell.trayShow'), click: show },
      { type: 'separator' },
      { label: t('shell.trayQuit'), click: quit },
    ]),
  );
  tray.on('click', show);
  return tray;
}
