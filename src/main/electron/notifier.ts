import { Notification, type BrowserWindow } from 'electron';
import type { EventHub } from '../core/eventHub';
import type { Notifier } from '../core/ports';

/**
 * OS notifications through Electron. Clicking one brings the window forward and tells the
 * renderer which job to show (the same event the browser host turns into a toast).
 */
export function createElectronNotifier(
  events: EventHub,
  window: () => BrowserWindow | undefined,
): Notifier {
  return {
    notify(notification) {
      if (!Notification.isSupported()) return events.emit('notification.shown', notification);
      const shown = new Notification({ title: notification.title, body: notification.body });
      shown.on('click', () => {
        const win = window();
        if (!win) return;
        if (win.isMinimized()) win.restore();
        win.show();
        win.focus();
        events.emit('notification.clicked', notification);
      });
      shown.show();
    },
  };
}
