import { describe, expect, it } from 'vitest';
import { commands, events, type Handlers } from './contract';
import { createClient, type Transport } from './client';
import { createDispatcher } from './dispatcher';
import { commandNames, eventNames } from './names';
import { CommandFailedError, UserError } from './result';
import { fakeHandlers, settingsView } from '../../../test/support/fakeHandlers';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const view = settingsView();
  return fakeHandlers({
    'app.info': async () => ({ name: 'Airframe', version: '1.2.3', demo: true, host: 'browser' }),
    'settings.get': async () => view,
    'settings.update': async (patch) => ({ ...view, settings: { ...view.settings, ...patch } }),
    ...overrides,
  });
}

describe('the contract', () => {
  it('has a schema for exactly the commands and events it names', () => {
    expect(Object.keys(commands).sort()).toEqual([...commandNames].sort());
    expect(Object.keys(events).sort()).toEqual([...eventNames].sort());
  });
});

describe('createDispatcher', () => {
  it('answers a valid command with its value', async () => {
    const dispatch = createDispatcher(handlers());
    await expect(dispatch('app.info', {})).resolves.toEqual({
      ok: true,
      value: { name: 'Airframe', version: '1.2.3', demo: true, host: 'browser' },
    });
  });

  it('refuses unknown commands without calling anything', async () => {
    const result = await createDispatcher(handlers())('fs.readFile', { path: '/etc/passwd' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown-command', message: 'Unknown command: fs.readFile' },
    });
  });

  it('refuses a request that does not match the schema and names the field', async () => {
    let called = false;
    const dispatch = createDispatcher(
      handlers({
        'settings.update': async () => ((called = true), handlers()['settings.get']({})),
      }),
    );
    const result = await dispatch('settings.update', { concurrency: 9 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('invalid-request');
    expect(!result.ok && result.error.message).toMatch(/concurrency/);
    expect(called).toBe(false);
  });

  it('refuses fields the contract does not know', async () => {
    const result = await createDispatcher(handlers())('settings.update', { apiKey: 'sk-air-x' });
    expect(result.ok).toBe(false);
  });

  it('turns a thrown UserError into its code and message', async () => {
    const dispatch = createDispatcher(
      handlers({
        'settings.get': async () => {
          throw new UserError('unavailable', 'Store is locked');
        },
      }),
    );
    await expect(dispatch('settings.get', {})).resolves.toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'Store is locked' },
    });
  });

  it('never lets an unexpected error escape, and reports it', async () => {
    const seen: unknown[] = [];
    const dispatch = createDispatcher(
      handlers({
        'settings.get': async () => {
          throw new TypeError('boom');
        },
      }),
      (_n, e) => seen.push(e),
    );
    const result = await dispatch('settings.get', {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/boom/) },
    });
    expect(seen).toHaveLength(1);
  });
});

describe('createClient', () => {
  function loopback(
    dispatch = createDispatcher(handlers()),
  ): Transport & { fire(name: string, payload: unknown): void } {
    const listeners = new Map<string, (payload: unknown) => void>();
    return {
      invoke: (name, request) => dispatch(name, request),
      on: (name, listener) => (listeners.set(name, listener), () => listeners.delete(name)),
      fire: (name, payload) => listeners.get(name)?.(payload),
    };
  }

  it('returns the value of a successful command', async () => {
    const client = createClient(loopback());
    await expect(client.invoke('app.info', {})).resolves.toMatchObject({ version: '1.2.3' });
  });

  it('throws CommandFailedError carrying the code and message of a failure', async () => {
    const client = createClient(loopback());
    const error = await client
      .invoke('settings.update', { concurrency: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandFailedError);
    expect((error as CommandFailedError).code).toBe('invalid-request');
  });

  it('delivers events and stops after unsubscribe', () => {
    const transport = loopback();
    const client = createClient(transport);
    const seen: unknown[] = [];
    const off = client.on('settings.changed', (view) => seen.push(view.hasApiKey));
    transport.fire('settings.changed', settingsView({ hasApiKey: true }));
    off();
    transport.fire('settings.changed', settingsView());
    expect(seen).toEqual([true]);
  });
});
