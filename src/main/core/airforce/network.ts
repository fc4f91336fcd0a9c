import { english, type Translate } from '../i18n';
import type { ApiError } from './types';

type NetworkError = Extract<ApiError, { kind: 'network' }>;

/**
 * Reads a thrown `fetch` error (Node's undici or Electron's `net.fetch`) and decides whether
 * the request can have reached the server. Only failures before a connection existed are
 * "never sent"; everything else — a reset, a timeout, a half-read answer — may have been
 * processed, which is what keeps a paid create from being submitted twice.
 */

/** undici / Node error codes raised before any byte of the request left the machine. */
const neverSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Chromium's net errors (Electron) for the same situations. */
const neverSentChromium =
  /net::ERR_(CONNECTION_REFUSED|NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|INTERNET_DISCONNECTED|ADDRESS_UNREACHABLE|ADDRESS_INVALID|PROXY_CONNECTION_FAILED|CERT_[A-Z_]+|SSL_[A-Z_]+|UNSAFE_PORT)/;

interface Clue {
  code?: string;
  message?: string;
}

/** The codes and messages along an error's cause chain (and inside AggregateErrors). */
function clues(error: unknown, depth = 0): Clue[] {
  if (depth > 5 || typeof error !== 'object' || error === null) return [];
  const record = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  const own: Clue = {
    ...(typeof record.code === 'string' ? { code: record.code } : {}),
    ...(typeof record.message === 'string' ? { message: record.message } : {}),
  };
  const nested = Array.isArray(record.errors) ? record.errors : [];
  return [
    own,
    ...clues(record.cause, depth + 1),
    ...nested.flatMap((inner: unknown) => clues(inner, depth + 1)),
  ];
}

function neverSent(found: readonly Clue[]): boolean {
  return found.some(
    ({ code, message }) =>
      (code !== undefined && neverSentCodes.has(code)) ||
      (message !== undefined && (neverSentChromium.test(message) || message === 'bad port')),
  );
}

/** The most specific thing to show: a code like ECONNRESET, else the deepest message. */
function detailOf(found: readonly Clue[]): string {
  const code = found.find((clue) => clue.code !== undefined)?.code;
  if (code) return code;
  const messages = found.flatMap((clue) =>
    clue.message && clue.message !== 'fetch failed' ? [clue.message] : [],
  );
  return messages.at(-1) ?? 'network error';
}

/**
 * @param answered true once response headers arrived: the request was certainly sent.
 * @param t the language of the message (the error's detail is quoted as the system gave it).
 */
export function networkError(
  error: unknown,
  host: string,
  answered: boolean,
  t: Translate = english.t,
): NetworkError {
  const found = clues(error);
  const detail = detailOf(found);
  if (!answered && neverSent(found)) {
    return {
      kind: 'network',
      maybeSent: false,
      message: t('api.couldNotConnect', { host, detail }),
    };
  }
  const message = t(answered ? 'api.brokeReading' : 'api.connectionFailed', { host, detail });
  return { kind: 'network', maybeSent: true, message };
}

/** "30 s", "0.1 s": a readable duration for messages. */
export const formatSeconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

export function timeoutError(
  host: string,
  timeoutMs: number,
  t: Translate = english.t,
): NetworkError {
  return {
    kind: 'network',
    maybeSent: true,
    message: t('api.noAnswer', { host, seconds: Math.round(timeoutMs / 100) / 10 }),
  };
}
