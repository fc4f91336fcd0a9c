import type { EmitEvent } from '../../shared/contract';
import type { EventName } from '../../shared/contract/names';

export type EventListener = (name: EventName, payload: unknown) => void;

/**
 * Where core's contract events go. Services get `emit`; each host subscribes and
 * forwards to its windows or sockets, so services never know who is listening.
 */
export class EventHub {
  private readonly listeners = new Set<EventListener>();

  readonly emit: EmitEvent = (name, payload) => {
    for (const listener of this.listeners) listener(name, payload);
  };

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
