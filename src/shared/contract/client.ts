import type { EventPayload, Request, Response } from './contract';
import type { CommandName, EventName } from './names';
import { CommandFailedError, type Result } from './result';

/**
 * What the renderer needs from whichever host it runs in: Electron's preload or the
 * browser host's WebSocket bridge both provide this shape.
 */
export interface Transport {
  invoke(name: CommandName, request: unknown): Promise<Result<unknown>>;
  on(name: EventName, listener: (payload: unknown) => void): () => void;
}

export interface Client {
  invoke<N extends CommandName>(name: N, request: Request<N>): Promise<Response<N>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The typed client: unwraps results, throwing `CommandFailedError` on `{ ok: false }`. */
export function createClient(transport: Transport): Client {
  return {
    async invoke(name, request) {
      const result = await transport.invoke(name, request);
      if (!result.ok) throw new CommandFailedError(name, result.error);
      return result.value as Response<typeof name>;
    },
    on(name, listener) {
      return transport.on(name, (payload) => listener(payload as EventPayload<typeof name>));
    },
  };
}
