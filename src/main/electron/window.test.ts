import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => void;
interface CreatedWindow {
  options: Electron.BrowserWindowConstructorOptions;
  handlers: Map<string, Listener>;
  openHandler?: (d: { url: string }) => unknown;
  loaded: string[];
}
const created: CreatedWindow[] = [];
const openExternal = vi.fn();
const ses = {
  request: undefined as
    | undefined
    | ((
        contents: unknown,
        permission: string,
        callback: (ok: boolean) => void,
        details: object,
      ) => void),
  check: undefined as
    | undefined
    | ((contents: unknown, permission: string, origin: string, details: object) => boolean),
  device: undefined as undefined | ((details: object) => boolean),
};

vi.mock('electron', () => {
  class BrowserWindow {
    readonly webContents: object;
    private readonly record: CreatedWindow;
    constructor(options: Electron.BrowserWindowConstructorOptions) {
      const record: CreatedWindow = { options, handlers: new Map(), loaded: [] };
      this.record = record;
      created.push(record);
      this.webContents = {
        on: (event: string, handler: Listener) => record.handlers.set(event, handler),
        setWindowOpenHandler: (handler: (d: { url: string }) => unknown) =>
          (record.openHandler = handler),
      };
    }
    once() {}
    loadURL(url: string) {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
    loadFile(path: string) {
      this.record.loaded.push(`loadFile:${path}`);
      return Promise.resolve();
    }
  }
  return {
    BrowserWindow,
    shell: { openExternal },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof ses.request) => (ses.request = h),
        setPermissionCheckHandler: (h: typeof ses.check) => (ses.check = h),
        setDevicePermissionHandler: (h: typeof ses.device) => (ses.device = h),
      },
    },
  };
});

const { createMainWindow, guardPermissions } = await import('./window');
const { isAppPage } = await import('./ipc');

const APP = 'app://airframe/index.html';
const page = {
  url: APP,
  isAppPage: isAppPage(undefined),
  preloadPath: '/app/out/preload/index.cjs',
};
const navigation = (url: string, more: object = {}) => ({
  url,
  isMainFrame: true,
  preventDefault: vi.fn(),
  ...more,
});

describe('the main window', () => {
  beforeEach(() => {
    created.length = 0;
    openExternal.mockClear();
  });

  it('is created with Electron’s security checklist', () => {
    createMainWindow(page);
    expect(created[0]?.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('loads the app page from app://, never from a file', () => {
    createMainWindow(page);
    expect(created[0]?.loaded).toEqual([APP]);
  });

  it('restores remembered bounds', () => {
    createMainWindow(page, { x: 10, y: 20, width: 900, height: 700 });
    expect(created[0]?.options).toMatchObject({ x: 10, y: 20, width: 900, height: 700 });
  });

  it('cancels every navigation away from the app, and lets the page reload itself', () => {
    createMainWindow(page);
    const willNavigate = created[0]!.handlers.get('will-navigate')!;
    for (const url of [
      'https://evil.example',
      'file:///etc/passwd',
      'app://airframe/other.html',
      'clip://media/x/video',
    ]) {
      const event = navigation(url);
      willNavigate(event, url);
      expect(event.preventDefault).toHaveBeenCalled();
    }
    const reload = navigation(`${APP}#/library`);
    willNavigate(reload, reload.url);
    expect(reload.preventDefault).not.toHaveBeenCalled();
  });

  it('cancels every sub-frame navigation, wherever it goes, and main-frame ones away from the app', () => {
    createMainWindow(page);
    const willFrameNavigate = created[0]!.handlers.get('will-frame-navigate')!;
    for (const event of [
      navigation(APP, { isMainFrame: false }),
      navigation('https://evil.example', { isMainFrame: false }),
      navigation('https://evil.example'),
    ]) {
      willFrameNavigate(event);
      expect(event.preventDefault).toHaveBeenCalled();
    }
    const reload = navigation(APP);
    willFrameNavigate(reload);
    expect(reload.preventDefault).not.toHaveBeenCalled();
  });

  it('refuses to attach a <webview>', () => {
    createMainWindow(page);
    const event = { preventDefault: vi.fn() };
    created[0]!.handlers.get('will-attach-webview')!(event, {}, { src: 'https://evil.example' });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies new windows and sends only https links to the system browser', () => {
    createMainWindow(page);
    const open = created[0]!.openHandler!;
    for (const url of [
      'https://api.airforce/docs',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'http://example.com/',
      'smb://host/share',
      'not a url',
      APP,
    ]) {
      expect(open({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls).toEqual([['https://api.airforce/docs']]);
  });
});

describe('permissions', () => {
  it('denies every request and every check, and hands out no device', () => {
    guardPermissions(isAppPage(undefined));
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'display-capture',
      'openExternal',
      'hid',
    ]) {
      const callback = vi.fn();
      ses.request!({}, permission, callback, { requestingUrl: APP, isMainFrame: true });
      expect(callback).toHaveBeenCalledWith(false);
      expect(
        ses.check!({}, permission, 'app://airframe', { requestingUrl: APP, isMainFrame: true }),
      ).toBe(false);
    }
    expect(ses.device!({ deviceType: 'usb', origin: 'app://airframe' })).toBe(false);
  });

  it('allows fullscreen to the app page only, for the player’s fullscreen button', () => {
    guardPermissions(isAppPage(undefined));
    const callback = vi.fn();
    ses.request!({}, 'fullscreen', callback, { requestingUrl: APP, isMainFrame: true });
    ses.request!({}, 'fullscreen', callback, {
      requestingUrl: 'https://evil.example/',
      isMainFrame: true,
    });
    expect(callback.mock.calls).toEqual([[true], [false]]);
    expect(
      ses.check!({}, 'fullscreen', 'https://evil.example', {
        requestingUrl: 'https://evil.example/',
        isMainFrame: true,
      }),
    ).toBe(false);
    expect(ses.check!({}, 'fullscreen', 'app://airframe', { isMainFrame: true })).toBe(false);
  });
});
