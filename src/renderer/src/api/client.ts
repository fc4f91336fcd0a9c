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
 * browser host's WebSocket bridge (token taken from the page URL).
 */
function pickTransport(): Transport {
  if (window.api) return window.api;
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const url = new URL('/bridge', window.location.href);
  url.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  url.search = new URLSearchParams({ token }).toString();
  return createWebSocketTransport(url.toString());
}

let client: Client | undefined;

export function api(): Client {
  client ??= createClient(pickTransport());
  return client;
}
