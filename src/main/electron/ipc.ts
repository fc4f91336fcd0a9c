import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import {
  commandNames,
  createDispatcher,
  type DispatchTexts,
  type Handlers,
  type Result,
} from '../../shared/contract';
import type { EventHub } from '../core/eventHub';
import { isAppPageUrl } from './appScheme';

/**
 * Binds every contract command to `ipcMain.handle`. Each call is checked to come from the
 * app's own page in the window's top frame (a sub-frame has no preload, so one that calls
 * is foreign), validated with the contract's schema, and answered with a `Result`.
 */
export function bindIpc(
  handlers: Handlers,
  isTrustedFrame: (url: string) => boolean,
  texts?: DispatchTexts,
): () => void {
  const dispatch = createDispatcher(
    handlers,
    (command, error) => console.error(`[ipc] ${command} failed`, error),
    texts,
  );
  for (const name of commandNames) {
    ipcMain.handle(
      name,
      async (event: IpcMainInvokeEvent, request: unknown): Promise<Result<unknown>> => {
        const frame = event.senderFrame;
        if (!frame || frame.parent || !isTrustedFrame(frame.url)) {
          return {
            ok: false,
            error: { code: 'forbidden', message: `${name} refused: unknown sender` },
          };
        }
        return dispatch(name, request);
      },
    );
  }
  return () => commandNames.forEach((name) => ipcMain.removeHandler(name));
}

/** Forwards core's contract events to every live window. */
export function forwardEvents(events: EventHub, targets: () => WebContents[]): () => void {
  return events.subscribe((name, payload) => {
    for (const contents of targets()) {
      if (!contents.isDestroyed()) contents.send(name, payload);
    }
  });
}

/**
 * The app's own page, and nothing else: the dev server's origin in development, else
 * `app://airframe/index.html` exactly (a file, or any other page, is as foreign as the web).
 */
export function isAppPage(devServerUrl: string | undefined): (frameUrl: string) => boolean {
  if (devServerUrl) {
    const origin = new URL(devServerUrl).origin;
    return (frameUrl) => URL.canParse(frameUrl) && new URL(frameUrl).origin === origin;
  }
  return isAppPageUrl;
}
