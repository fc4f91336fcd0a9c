import { contextBridge, ipcRenderer } from 'electron';
import { isCommandName, isEventName } from '../shared/contract/names';
import type { Transport } from '../shared/contract/client';

// Exposes exactly the contract: invoke a named command, listen to a named event.
const api: Transport = {
  invoke: (name, request) =>
    isCommandName(name)
      ? ipcRenderer.invoke(name, request)
      : Promise.resolve({ ok: false, error: { code: 'unknown-command', message: String(name) } }),
  on: (name, listener) => {
    if (!isEventName(name)) return () => {};
    const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(name, wrapped);
    return () => ipcRenderer.removeListener(name, wrapped);
  },
};

contextBridge.exposeInMainWorld('api', api);
