import { describe, expect, it } from 'vitest';
import { commands, events, type Handlers } from './contract';
import { createClient, type Transport } from './client';
import { createDispatcher, MAX_MESSAGE_LENGTH } from './dispatcher';
import { commandNames, eventNames } from './names';
import { CommandFailedError, UserError } from './result';
import { fakeHandlers, settingsView } from '../../../test/support/fakeHandlers';
import { stringMatching } from '../../../test/support/matchers';

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  const view = settingsView();
  return fakeHandlers({
    'app.info': () =>
      Promise.resolve({
        name: 'Airframe',
        version: '1.2.3',
        demo: true,
        host: 'browser',
        mediaBase: '/media',
      }),
    'settings.get': () => Promise.resolve(view),
    'settings.update': (patch) =>
      Promise.resolve({ ...view, settings: { ...view.settings, ...patch } }),
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
      value: {
        name: 'Airframe',
        version: '1.2.3',
        demo: true,
        host: 'browser',
        mediaBase: '/media',
      },
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
        'settings.get': () => Promise.reject(new UserError('unavailable', 'Store is locked')),
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
        'settings.get': () => Promise.reject(new TypeError('boom')),
      }),
      (_n, e) => seen.push(e),
    );
    const result = await dispatch('settings.get', {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'internal', message: stringMatching(/boom/) },
    });
    expect(seen).toHaveLength(1);
  });
});

describe('createDispatcher, given what only an attacker sends (issue 12)', () => {
  const dispatch = createDispatcher(handlers());

  it('answers a name that is no string, or cannot be turned into one, without throwing', async () => {
    const throwing = {
      toString: () => {
        throw new Error('toString');
      },
    };
    for (const name of [throwing, { toString: 1 }, Object.create(null), Symbol('x'), 1n]) {
      await expect(dispatch(name, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'unknown-command', message: stringMatching(/not a name/) },
      });
    }
  });

  it('never echoes a huge name, key or thrown message back whole', async () => {
    const huge = 'x'.repeat(10_000_000);
    const echoes = [
      await dispatch(huge, {}),
      await dispatch('app.info', { [huge]: 1 }),
      await createDispatcher(
        handlers({
          'settings.get': () => Promise.reject(new UserError('conflict', huge)),
        }),
      )('settings.get', {}),
    ];
    for (const result of echoes) {
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    }
  });

  it('takes no request as the empty one, but refuses null, arrays and objects of a class', async () => {
    await expect(dispatch('app.info', undefined)).resolves.toMatchObject({ ok: true });
    for (const request of [null, [], 'x', 0, new Date(0), new Map()]) {
      await expect(dispatch('app.info', request)).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
  });

  it('refuses a request that throws when read (a getter, a proxy)', async () => {
    const getter = Object.defineProperty({}, 'concurrency', {
      enumerable: true,
      get: () => {
        throw new Error('getter');
      },
    });
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('ownKeys');
        },
      },
    );
    for (const request of [getter, proxy]) {
      await expect(dispatch('settings.update', request)).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
  });

  it('refuses unknown fields inside a job draft, an API base of 10 MB and a folder with NUL', async () => {
    const draft = { model: 'm', prompt: 'p', mode: 'text', durationSeconds: 5, inputImages: [] };
    const refused = [
      await dispatch('jobs.submit', { request: { ...draft, tone: 'warm' }, copies: 1 }),
      await dispatch('jobs.submit', {
        request: { ...draft, inputImages: [{ url: `https://a.example/${'a'.repeat(20_000)}` }] },
        copies: 1,
      }),
      await dispatch('settings.update', { apiBase: `https://a.example/${'a'.repeat(3_000)}` }),
      await dispatch('library.setFolder', { path: '/tmp/library\0' }),
    ];
    for (const result of refused)
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
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
