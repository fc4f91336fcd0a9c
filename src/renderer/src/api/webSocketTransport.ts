import { isEventName, type CommandName, type EventName } from '../../../shared/contract/names';
import type { Transport } from '../../../shared/contract/client';
import type { Result } from '../../../shared/contract/result';

interface Pending {
  resolve: (result: Result<unknown>) => void;
}

/**
 * The browser host's side of the contract: requests `{ id, name, request }`, answers
 * `{ id, result }`, events `{ event, payload }`. Calls made before the socket opens wait
 * for it; a closed socket answers every pending call with `unavailable` and calls `onClose`.
 */
export function createWebSocketTransport(url: string, onClose: () => void = () => {}): Transport {
  const socket = new WebSocket(url);
  const opened = new Promise<void>((resolve) => socket.addEventListener('open', () => resolve()));
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let nextId = 1;

  socket.addEventListener('message', (message) => {
    const data = parse(message.data);
    if (!data) return;
    if (typeof data['id'] === 'number') {
      pending.get(data['id'])?.resolve(data['result'] as Result<unknown>);
      pending.delete(data['id']);
    } else if (isEventName(data['event'])) {
      listeners.get(data['event'])?.forEach((listener) => listener(data['payload']));
    }
  });
  socket.addEventListener('close', () => {
    for (const call of pending.values()) {
      call.resolve({
        ok: false,
        error: {
          code: 'unavailable',
          message: 'Lost the connection to Airframe’s host: it stopped or restarted.',
        },
      });
    }
    pending.clear();
    onClose();
  });

  return {
    async invoke(name: CommandName, request: unknown) {
      await opened;
      const id = nextId++;
      return new Promise<Result<unknown>>((resolve) => {
        pending.set(id, { resolve });
        socket.send(JSON.stringify({ id, name, request }));
      });
    },
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}

function parse(raw: unknown): Record<string, unknown> | null {
  if (typeof raw !== 'string') return null;
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
