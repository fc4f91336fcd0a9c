import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { pathToFileURL } from 'node:url';
import {
  commandNames,
  createDispatcher,
  type Handlers,
  type Result,
} from '../../shared/contract';
import type { EventHub } from '../core/eventHub';

/**
 * Binds every contract command to `ipcMain.handle`. Each call is checked to come from the
 * app's own page, validated with the contract's schema, and answered with a `Result`.
 */
export function bindIpc(handlers: Handlers, isTrustedFrame: (url: string) => boolean): () => void {
  const dispatch = createDispatcher(handlers, (command, error) =>
    console.error(`[ipc] ${command} failed`, error),
  );
  for (const name of commandNames) {
    ipcMain.handle(name, async (event: IpcMainInvokeEvent, request: unknown): Promise<Result<unknown>> => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isTrustedFrame(frameUrl)) {
        return { ok: false, error: { code: 'forbidden', message: `${name} refused: unknown sender` } };
      }
      return dispatch(name, request);
    });
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
 * The app's own page, and nothing else: the dev server's origin in development, else the
 * built `index.html` exactly (any other local file is as foreign as a web page).
 */
export function isAppPage(devServerUrl: string | undefined, indexHtml: string): (frameUrl: string) => boolean {
  if (devServerUrl) {
    const origin = new URL(devServerUrl).origin;
    return (frameUrl) => URL.canParse(frameUrl) && new URL(frameUrl).origin === origin;
  }
  const page = pathToFileURL(indexHtml).href;
  return (frameUrl) => {
    if (!URL.canParse(frameUrl)) return false;
    const url = new URL(frameUrl);
    url.hash = '';
    url.search = '';
    return url.href === page;
  };
}
