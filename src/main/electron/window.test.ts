import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: { options: Electron.BrowserWindowConstructorOptions; handlers: Map<string, (...args: unknown[]) => void>; openHandler?: (d: { url: string }) => unknown }[] = [];
const openExternal = vi.fn();
let permissionHandler: ((contents: unknown, permission: string, callback: (ok: boolean) => void) => void) | undefined;

vi.mock('electron', () => {
  class BrowserWindow {
    readonly webContents: object;
    constructor(options: Electron.BrowserWindowConstructorOptions) {
      const record: (typeof created)[number] = { options, handlers: new Map() };
      created.push(record);
      this.webContents = {
        on: (event: string, handler: (...args: unknown[]) => void) => record.handlers.set(event, handler),
        setWindowOpenHandler: (handler: (d: { url: string }) => unknown) => (record.openHandler = handler),
      };
    }
    once() {}
    loadURL() { return Promise.resolve(); }
    loadFile() { return Promise.resolve(); }
  }
  return {
    BrowserWindow,
    shell: { openExternal },
    session: { defaultSession: { setPermissionRequestHandler: (h: typeof permissionHandler) => (permissionHandler = h) } },
  };
});

const { createMainWindow, denyAllPermissions } = await import('./window');

describe('the main window', () => {
  beforeEach(() => {
    created.length = 0;
    openExternal.mockClear();
  });

  it('is created with Electron’s security checklist', () => {
    createMainWindow(undefined, '/app/out');
    expect(created[0]?.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    });
  });

  it('restores remembered bounds', () => {
    createMainWindow(undefined, '/app/out', { x: 10, y: 20, width: 900, height: 700 });
    expect(created[0]?.options).toMatchObject({ x: 10, y: 20, width: 900, height: 700 });
  });

  it('cancels every navigation away from the app', () => {
    createMainWindow(undefined, '/app/out');
    const event = { preventDefault: vi.fn() };
    created[0]?.handlers.get('will-navigate')?.(event, 'https://evil.example');
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies new windows and sends only https links to the system browser', () => {
    createMainWindow(undefined, '/app/out');
    const open = created[0]!.openHandler!;
    expect(open({ url: 'https://api.airforce/docs' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://api.airforce/docs']]);
  });

  it('denies every permission request', () => {
    denyAllPermissions();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      permissionHandler?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
  });
});
