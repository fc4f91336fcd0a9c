import { app, dialog, Menu, nativeImage, Tray, type BrowserWindow } from 'electron';

export interface BackgroundOptions {
  win: BrowserWindow;
  iconPath: string;
  /** Jobs submitted or downloading: closing the window must not lose track of them. */
  unfinished(): number;
  runInBackground(): boolean;
}

/**
 * Closing the window keeps the engine running in the tray while jobs are unfinished (a
 * setting); quitting with unfinished jobs says they will resume at the next start.
 */
export function keepRunningInBackground(options: BackgroundOptions): void {
  const { win } = options;
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
    tray ??= createTray(options.iconPath, options.unfinished(), showWindow, () => app.quit());
  });

  app.on('before-quit', (event) => {
    if (quitting) return;
    const unfinished = options.unfinished();
    if (unfinished > 0) {
      const choice = dialog.showMessageBoxSync({
        type: 'question',
        buttons: ['Quit', 'Keep running'],
        defaultId: 0,
        cancelId: 1,
        message: `${unfinished} job${unfinished === 1 ? ' is' : 's are'} not finished.`,
        detail:
          'They are saved and will resume, without being paid for again, the next time you open Airframe.',
      });
      if (choice === 1) return event.preventDefault();
    }
    quitting = true;
  });
}

function createTray(
  iconPath: string,
  unfinished: number,
  show: () => void,
  quit: () => void,
): Tray {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.setToolTip(`Airframe — ${unfinished} job${unfinished === 1 ? '' : 's'} running`);
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Show Airframe', click: show },
      { type: 'separator' },
      { label: 'Quit', click: quit },
    ]),
  );
  tray.on('click', show);
  return tray;
}
