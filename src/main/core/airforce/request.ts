import type { z } from 'zod';
import { english, type Translate } from '../i18n';
import { apiBaseProblem } from '../../../shared/settings';
import { badResponse, describeBody, errorFromResponse, withoutKey } from './errors';
import { networkError, timeoutError } from './network';
import type { Clock } from '../ports';
import { parseRetryAfter } from './retry';
import { AirforceError } from './types';

/** The part of `fetch` the client uses; Node's fetch and Electron's `net.fetch` both fit. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface Transport {
  apiBase: URL;
  /** The one origin a key may be sent to (the one it was checked against); null: nowhere. */
  keyOrigin: (apiKey: string) => string | null;
  fetch: FetchLike;
  timeoutMs: number;
  /** Core's clock: the timeout runs on it, and `Retry-After` dates are read against it. */
  clock: Clock;
  /** The language of the client's own words (the server's are quoted as they come). */
  t: Translate;
}

export interface ApiRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Starts with `/v1/`; path segments already encoded. */
  path: string;
  query?: URLSearchParams;
  body?: unknown;
  apiKey: string;
  accept?: string;
  signal?: AbortSignal;
}

/** Checks and normalises the configured base: https (http on loopback), no query, no trailing slash. */
export function parseApiBase(apiBase: string): URL {
  const problem = apiBaseProblem(apiBase);
  if (problem) throw new TypeError(`Unsupported API base ${apiBase}: ${problem}`);
  const url = new URL(apiBase);
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

export function apiUrl(apiBase: URL, path: string, query?: URLSearchParams): URL {
  // A root base keeps its "/" pathname whatever is done to it; the prefix is what precedes `/v1`.
  const url = new URL(apiBase.origin + apiBase.pathname.replace(/\/+$/, '') + path);
  if (query && query.size > 0) url.search = query.toString();
  return url;
}

/**
 * The key travels only to the origin it is bound to (DESIGN.md): a key checked against one
 * base is refused, before anything is sent, by a client now pointed at another — after the
 * user changed the base, or switched the demo on or off while a call was under way.
 */
function assertKeyOrigin(url: URL, transport: Transport, apiKey: string): void {
  const allowed = transport.keyOrigin(apiKey);
  if (allowed === url.origin) return;
  const { t } = transport;
  throw new AirforceError({
    kind: 'auth',
    status: 0,
    message:
      allowed === null
        ? t('api.keyNotChecked', { origin: url.origin })
        : t('api.keyCheckedElsewhere', { origin: url.origin, allowed }),
  });
}

function authorization(apiKey: string, t: Translate): string {
  // Pasted keys often carry a newline; anything else outside printable ASCII cannot be a header.
  const key = apiKey.trim();
  if (!/^[\x21-\x7e]*$/.test(key)) {
    throw new AirforceError({ kind: 'auth', status: 0, message: t('api.keyUnsendable') });
  }
  return `Bearer ${key}`;
}

/**
 * One attempt under the per-request timeout. Any answer but a 2xx becomes its ApiError;
 * `read` consumes a 2xx inside the timeout — for a stream it returns the response itself,
 * and from then on only the caller's signal can abort the body. The caller's abort is rethrown as is, never turned into an
 * ApiError, so a cancelled job is not mistaken for a failed one.
 */
export async function attempt<T>(
  transport: Transport,
  request: ApiRequest,
  read: (response: Response) => Promise<T>,
): Promise<T> {
  const url = apiUrl(transport.apiBase, request.path, request.query);
  assertKeyOrigin(url, transport, request.apiKey);
  const headers: Record<string, string> = {
    Accept: request.accept ?? 'application/json',
    Authorization: authorization(request.apiKey, transport.t),
  };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';
  const timeout = new AbortController();
  const timer = transport.clock.setTimeout(() => timeout.abort(), transport.timeoutMs);
  const signal = request.signal
    ? AbortSignal.any([request.signal, timeout.signal])
    : timeout.signal;
  let answered = false;
  try {
    request.signal?.throwIfAborted();
    const response = await transport.fetch(url.href, {
      method: request.method,
      headers,
      ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      signal,
      // A redirect could carry the Authorization header to another origin.
      redirect: 'manual',
      // Task status changes; an HTTP cache (Electron's net.fetch has one) must not answer.
      cache: 'no-store',
    });
    answered = true;
    await assertOk(response, () => transport.clock.now(), transport.t);
    return await read(response);
  } catch (error) {
    if (request.signal?.aborted) throw request.signal.reason;
    if (error instanceof AirforceError)
      throw new AirforceError(withoutKey(error.error, request.apiKey.trim()));
    if (timeout.signal.aborted)
      throw new AirforceError(
        timeoutError(transport.apiBase.host, transport.timeoutMs, transport.t),
      );
    throw new AirforceError(networkError(error, transport.apiBase.host, answered, transport.t));
  } finally {
    transport.clock.clearTimeout(timer);
  }
}

/** Throws the ApiError for any answer that is not a 2xx (redirects included). */
async function assertOk(response: Response, now: () => number, t: Translate): Promise<void> {
  if (response.ok) return;
  const body = await response.text().catch(() => '');
  throw new AirforceError(
    errorFromResponse(
      {
        status: response.status,
        statusText: response.statusText,
        contentType: response.headers.get('content-type'),
        body,
        location: response.headers.get('location'),
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now()),
      },
      t,
    ),
  );
}

/** JSON `null` means "absent" to most servers; zod's optional fields only accept a missing key. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, inner]) =>
      inner === null ? [] : [[key, withoutNulls(inner)]],
    ),
  );
}

/** A 2xx body parsed with a wire schema; anything unreadable becomes a bad-response. */
export async function readJson<S extends z.ZodType>(
  response: Response,
  schema: S,
  t: Translate = english.t,
): Promise<z.output<S>> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const { reason } = describeBody(text, response.headers.get('content-type'), t);
    const problem = reason ? t('api.expectedJson', { reason }) : t('api.expectedJsonEmpty');
    throw new AirforceError(badResponse(response.status, problem, t));
  }
  const parsed = schema.safeParse(withoutNulls(json));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  // zod's own message is quoted as zod writes it.
  const problem = t('api.unexpectedShape', { where, issue: issue?.message ?? 'invalid' });
  throw new AirforceError(badResponse(response.status, problem, t));
}
