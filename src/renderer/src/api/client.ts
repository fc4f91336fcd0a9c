import { createClient, type Client, type Transport } from '../../../shared/contract/client';
import { createWebSocketTransport } from './webSocketTransport';

declare global {
  interface Window {
    /** Set by Electron's preload; absent in the browser host. */
    api?: Transport;
  }
}

/**
 * The renderer's one way to reach main: Electron's preload when present, else the
 * browser host's WebSocket bridge, which the host's HttpOnly cookie admits (same origin).
 */
function pickTransport(): Transport {
  if (window.api) return window.api;
  forgetPageToken();
  const url = new URL('/bridge', window.location.href);
  url.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return createWebSocketTransport(url.toString(), () => {
    connectionLost = true;
    lostListeners.forEach((listener) => listener());
  });
}

/**
 * The host answered the first load with the token as a cookie, so the token leaves the
 * address bar and the history: nothing copied, bookmarked or shared from here carries it.
 */
function forgetPageToken(): void {
  const here = new URL(window.location.href);
  if (!here.searchParams.has('token')) return;
  here.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', here.pathname + here.search + here.hash);
}

let connectionLost = false;
const lostListeners = new Set<() => void>();

/** The browser host went away (stopped, restarted): the page must be reloaded to reconnect. */
export function onConnectionLost(listener: () => void): () => void {
  if (connectionLost) listener();
  lostListeners.add(listener);
  return () => lostListeners.delete(listener);
}

/**
 * The browser host's per-run token while the page URL still carries it (before the bridge
 * connects); afterwards empty, and the host's cookie admits the page's requests instead.
 */
export function pageToken(): string {
  return new URLSearchParams(window.location.search).get('token') ?? '';
}

let client: Client | undefined;

export function api(): Client {
  client ??= createClient(pickTransport());
  return client;
}

/** Tests swap the backend between cases; `undefined` makes the next `api()` pick again. */
export function setTransportForTests(transport: Transport | undefined): void {
  client = transport ? createClient(transport) : undefined;
}
