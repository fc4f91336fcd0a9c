import { beforeEach, describe, expect, it, vi } from 'vitest';
import { commandNames, type Handlers } from '../../shared/contract';
import { EventHub } from '../core/eventHub';
import { fakeHandlers, settingsView } from '../../../test/support/fakeHandlers';

type Handler = (event: unknown, request: unknown) => Promise<unknown>;
const registered = new Map<string, Handler>();

vi.mock('electron', () => ({
  ipcMain: {
    handle: (name: string, handler: Handler) => registered.set(name, handler),
    removeHandler: (name: string) => registered.delete(name),
  },
}));

const { bindIpc, forwardEvents, isAppPage } = await import('./ipc');

const view = settingsView();
const handlers: Handlers = fakeHandlers({
  'app.info': () =>
    Promise.resolve({
      name: 'Airframe',
      version: '1.0.0',
      demo: false,
      host: 'electron',
      mediaBase: 'clip://media',
    }),
  'settings.get': () => Promise.resolve(view),
  'settings.update': () => Promise.resolve(view),
});
const fromApp = { senderFrame: { url: 'app://airframe/index.html', parent: null } };
const trusted = isAppPage(undefined);

describe('bindIpc', () => {
  beforeEach(() => registered.clear());

  it('binds exactly the contract commands, and unbinds them', () => {
    const unbind = bindIpc(handlers, trusted);
    expect([...registered.keys()].sort()).toEqual([...commandNames].sort());
    unbind();
    expect(registered.size).toBe(0);
  });

  it('answers the app page with a result', async () => {
    bindIpc(handlers, trusted);
    await expect(registered.get('app.info')!(fromApp, {})).resolves.toMatchObject({
      ok: true,
      value: { version: '1.0.0' },
    });
  });

  it.each(commandNames)('%s refuses a foreign sender', async (name) => {
    bindIpc(handlers, trusted);
    const foreign = { senderFrame: { url: 'https://evil.example/' } };
    await expect(registered.get(name)!(foreign, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await expect(registered.get(name)!({ senderFrame: null }, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const oldPage = {
      senderFrame: {
        url: 'file:///opt/Airframe/resources/app.asar/out/renderer/index.html',
        parent: null,
      },
    };
    await expect(registered.get(name)!(oldPage, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('refuses a sub-frame, even one showing the app page', async () => {
    bindIpc(handlers, trusted);
    const framed = {
      senderFrame: { url: 'app://airframe/index.html', parent: fromApp.senderFrame },
    };
    await expect(registered.get('app.info')!(framed, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it.each(commandNames)('%s refuses a malformed request', async (name) => {
    bindIpc(handlers, trusted);
    await expect(
      registered.get(name)!(fromApp, { surprise: 1, id: 'x', to: 'sideways', request: 7 }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await expect(registered.get(name)!(fromApp, 'not an object')).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });
});

describe('forwardEvents', () => {
  it('sends events to live windows only', () => {
    const hub = new EventHub();
    const live = { isDestroyed: () => false, send: vi.fn() };
    const dead = { isDestroyed: () => true, send: vi.fn() };
    forwardEvents(hub, () => [live, dead] as never);
    hub.emit('settings.changed', view);
    expect(live.send).toHaveBeenCalledWith('settings.changed', view);
    expect(dead.send).not.toHaveBeenCalled();
  });
});

describe('isAppPage', () => {
  it('trusts only app://airframe/index.html, whatever its hash or query', () => {
    const trusted = isAppPage(undefined);
    expect(trusted('app://airframe/index.html')).toBe(true);
    expect(trusted('app://airframe/index.html#/library?x=1')).toBe(true);
    expect(trusted('app://airframe/other.html')).toBe(false);
    expect(trusted('app://airframe.evil/index.html')).toBe(false);
    expect(trusted('file:///opt/Airframe/resources/app.asar/out/renderer/index.html')).toBe(false);
    expect(trusted('https://evil.example/')).toBe(false);
    expect(trusted('')).toBe(false);
  });

  it('trusts the dev server’s origin in development, and then not the app scheme', () => {
    const trusted = isAppPage('http://localhost:5173');
    expect(trusted('http://localhost:5173/index.html')).toBe(true);
    expect(trusted('http://localhost:5174/')).toBe(false);
    expect(trusted('http://localhost:5173.evil.example/')).toBe(false);
    expect(trusted('app://airframe/index.html')).toBe(false);
  });
});
