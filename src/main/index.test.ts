import { beforeEach, describe, expect, it, vi } from 'vitest';

/** Everything main/index.ts asks of Electron, recorded. */
const calls: string[] = [];
const loaded: string[] = [];
const state = { lock: true, packaged: true, coreFails: false, languages: ['en-US'] };
/** Settles when main's ready handler has run to its end: the app is up, or it has exited. */
let readyHandled: Promise<void> | undefined;
let handled = () => {};
// A second instance quits before asking for ready: then there is nothing to wait for.
const readyHandlerDone = (): Promise<void> => readyHandled ?? Promise.resolve();
// Electron sets this in a packaged app; Node has none.
Object.assign(process, { resourcesPath: '/opt/Airframe/resources' });
const record =
  (name: string, answer?: unknown) =>
  (...args: unknown[]) => {
    calls.push(typeof args[0] === 'string' ? `${name} ${args[0]}` : name);
    return answer;
  };

vi.mock('electron', () => {
  class BrowserWindow {
    static getAllWindows = () => [];
    webContents = {
      on: record('webContents.on'),
      setWindowOpenHandler: record('setWindowOpenHandler'),
    };
    once = record('win.once');
    on = record('win.on');
    loadURL(url: string) {
      loaded.push(url);
      return Promise.resolve();
    }
  }
  return {
    app: {
      get isPackaged() {
        return state.packaged;
      },
      requestSingleInstanceLock: () => {
        calls.push('requestSingleInstanceLock');
        return state.lock;
      },
      quit: record('app.quit'),
      exit: (code: number) => {
        calls.push(`app.exit ${code}`);
        handled();
      },
      setPath: record('app.setPath'),
      // Binding will-quit is the last thing a successful start does.
      on: (name: string) => {
        calls.push(`app.on ${name}`);
        if (name === 'will-quit') handled();
      },
      whenReady: () => {
        calls.push('app.whenReady');
        readyHandled = new Promise((resolve) => (handled = resolve));
        return Promise.resolve();
      },
      getAppPath: () => '/opt/Airframe/resources/app.asar',
      getPath: (name: string) => `/home/user/${name}`,
      getVersion: () => '1.0.0',
      getPreferredSystemLanguages: () => state.languages,
    },
    protocol: {
      registerSchemesAsPrivileged: record('registerSchemesAsPrivileged'),
      handle: record('protocol.handle'),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: record('setPermissionRequestHandler'),
        setPermissionCheckHandler: record('setPermissionCheckHandler'),
        setDevicePermissionHandler: record('setDevicePermissionHandler'),
      },
    },
    ipcMain: { handle: record('ipcMain.handle') },
    BrowserWindow,
    dialog: {
      showErrorBox: (title: string, body: string) => calls.push(`showErrorBox ${title}: ${body}`),
    },
    nativeTheme: {},
    net: {},
    shell: {},
    Notification: {},
    screen: {},
  };
});
vi.mock('./electron/stores', () => ({
  createElectronStore: () => ({
    get: () => undefined,
    set: () => {},
    delete: () => {},
    notices: [],
  }),
  createSafeStorageSecrets: () => ({}),
}));
vi.mock('./core/createCore', () => ({
  createCore: async () => {
    const { english } = await import('./core/i18n');
    if (state.coreFails) {
      return Promise.reject(new Error('Plain http is accepted only for this computer'));
    }
    return Promise.resolve({
      handlers: {},
      messages: english,
      media: () => Promise.resolve(new Response(null, { status: 404 })),
      engine: { jobs: () => [] },
      settings: { get: () => ({ runInBackground: false, theme: 'system' }) },
      start: record('core.start'),
      stop: () => Promise.resolve(),
    });
  },
}));

/** Runs main/index.ts as Electron would, once, and waits for its ready handler to finish. */
async function start() {
  vi.resetModules();
  readyHandled = undefined;
  await import('./index');
  await readyHandlerDone();
}

describe('main/index.ts', () => {
  beforeEach(() => {
    calls.length = 0;
    loaded.length = 0;
    Object.assign(state, { lock: true, packaged: true, coreFails: false, languages: ['en-US'] });
    delete process.env['ELECTRON_RENDERER_URL'];
  });

  it('quits as a second instance and registers nothing at all', async () => {
    state.lock = false;
    await start();
    expect(calls).toEqual(['requestSingleInstanceLock', 'app.quit']);
  });

  it('as the first instance, registers its schemes before ready, then guards, serves and opens the app page', async () => {
    await start();
    expect(calls.slice(0, 3)).toEqual([
      'requestSingleInstanceLock',
      'registerSchemesAsPrivileged',
      'app.whenReady',
    ]);
    expect(calls).toEqual(
      expect.arrayContaining([
        'setPermissionRequestHandler',
        'setPermissionCheckHandler',
        'setDevicePermissionHandler',
        'protocol.handle app',
        'protocol.handle clip',
        'webContents.on will-navigate',
        'webContents.on will-frame-navigate',
        'webContents.on will-attach-webview',
        'app.on second-instance',
        'core.start',
      ]),
    );
    expect(calls.indexOf('setPermissionCheckHandler')).toBeLessThan(calls.indexOf('core.start'));
    expect(loaded).toEqual(['app://airframe/index.html']);
  });

  it('says why when it cannot start, and exits instead of running with no window', async () => {
    state.coreFails = true;
    await start();
    expect(calls.slice(-2)).toEqual([
      'showErrorBox Airframe could not start: Plain http is accepted only for this computer',
      'app.exit 1',
    ]);
    expect(loaded).toEqual([]);
  });

  it('says it in the OS’s language: Dutch for a Dutch desktop', async () => {
    Object.assign(state, { coreFails: true, languages: ['nl-NL', 'en-US'] });
    await start();
    expect(calls.slice(-2)).toEqual([
      'showErrorBox Airframe kon niet starten: Plain http is accepted only for this computer',
      'app.exit 1',
    ]);
  });

  it('follows the dev server only when not packaged: a shipped app ignores ELECTRON_RENDERER_URL', async () => {
    process.env['ELECTRON_RENDERER_URL'] = 'http://evil.example:5173';
    await start();
    expect(loaded).toEqual(['app://airframe/index.html']);
    state.packaged = false;
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173';
    loaded.length = 0;
    await start();
    expect(loaded).toEqual(['http://localhost:5173']);
    delete process.env['ELECTRON_RENDERER_URL'];
  });
});
