import { describe, expect, it, vi } from 'vitest';
import { commandNames } from '../shared/contract/names';
import type { Transport } from '../shared/contract/client';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(() => Promise.resolve({ ok: true, value: 'answer' }));
const listeners = new Map<string, (...args: unknown[]) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke,
    on: (channel: string, listener: (...args: unknown[]) => void) =>
      listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
  },
}));

await import('./index');
const api = exposed['api'] as Transport;

describe('the preload', () => {
  it('exposes exactly the contract: invoke and on, nothing else', () => {
    expect(Object.keys(exposed)).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('forwards every contract command on its own channel', async () => {
    for (const name of commandNames) {
      await expect(api.invoke(name, { a: 1 })).resolves.toEqual({ ok: true, value: 'answer' });
      expect(invoke).toHaveBeenLastCalledWith(name, { a: 1 });
    }
  });

  it('refuses names outside the contract without touching IPC', async () => {
    invoke.mockClear();
    await expect(api.invoke('fs.read' as never, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown-command' },
    });
    expect(invoke).not.toHaveBeenCalled();
    api.on('secret.channel' as never, () => {});
    expect(listeners.has('secret.channel')).toBe(false);
  });

  it('delivers contract events without the IPC event object, and unsubscribes', () => {
    const seen: unknown[] = [];
    const off = api.on('jobs.changed', (payload) => seen.push(payload));
    listeners.get('jobs.changed')?.({ sender: 'ipc internals' }, { upserted: [] });
    off();
    expect(seen).toEqual([{ upserted: [] }]);
    expect(listeners.has('jobs.changed')).toBe(false);
  });
});
