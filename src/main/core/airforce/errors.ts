import { CreateVideoRequest } from '../../../shared/api/schemas';
import { english, type MessageKey, type Translate } from '../i18n';
import type { ApiError } from './types';

/**
 * Turns whatever a failed call produced — a JSON error, a proxy's HTML page, plain text,
 * nothing at all, or a socket error — into an `ApiError` a person can read: our words in
 * the language of `t`, the server's own reason quoted as it came.
 */

const maxReasonLength = 200;

/** What a response body says about the failure, as far as it can be read. */
export interface BodyDetail {
  reason?: string;
  param?: string;
}

export interface HttpFailure {
  status: number;
  statusText?: string;
  contentType?: string | null;
  body: string;
  retryAfterMs?: number;
  /** The Location header of a redirect, if any. */
  location?: string | null;
}

export function flatten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > maxReasonLength ? `${flat.slice(0, maxReasonLength - 1)}…` : flat;
}

const entities: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function markupText(fragment: string): string {
  const text = fragment
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
      return entities[name.toLowerCase()] ?? whole;
    });
  return flatten(text);
}

function firstElement(body: string, tags: readonly string[]): string | undefined {
  for (const tag of tags) {
    const inner = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'i').exec(body)?.[1];
    const text = inner === undefined ? '' : markupText(inner);
    if (text) return text;
  }
  return undefined;
}

const asString = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value : undefined;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The documented `{error:{type,message}}`, plus the shapes other gateways use. */
function jsonDetail(value: unknown): BodyDetail | undefined {
  if (!isRecord(value)) return undefined;
  const error = value.error;
  const nested = isRecord(error) ? error : {};
  const reason =
    asString(nested.message) ??
    asString(error) ??
    asString(value.message) ??
    asString(value.detail) ??
    asString(nested.type);
  if (reason === undefined) return undefined;
  const param = asString(nested.param) ?? asString(value.param);
  return { reason: flatten(reason), ...(param === undefined ? {} : { param }) };
}

export function describeBody(
  body: string,
  contentType?: string | null,
  t: Translate = english.t,
): BodyDetail {
  const text = body.trim();
  if (!text) return {};
  const type = (contentType ?? '').toLowerCase();
  if (type.includes('json') || /^[[{]/.test(text)) {
    try {
      const detail = jsonDetail(JSON.parse(text));
      if (detail) return detail;
    } catch {
      // Not JSON after all: read it as text below.
    }
  }
  if (type.includes('html') || /<(!doctype html|html|head|body|title)[\s>]/i.test(text)) {
    return { reason: firstElement(text, ['title', 'h1']) ?? t('api.htmlPage') };
  }
  // S3-style CDNs answer in XML: <Error><Code>…</Code><Message>…</Message></Error>.
  if (type.includes('xml') || text.startsWith('<?xml')) {
    return { reason: firstElement(text, ['Message', 'Code']) ?? t('api.xmlDocument') };
  }
  return { reason: flatten(text) };
}

const requestFields = [...Object.keys(CreateVideoRequest.shape), 'limit', 'status'];

/** The request field an error message is about, when the server did not say in `param`. */
export function fieldFromMessage(message: string): string | undefined {
  for (const match of message.matchAll(/[`'"‘“]([A-Za-z_][\w.[\]]*)[`'"’”]/g)) {
    const name = match[1]?.split(/[.[]/)[0];
    if (name && requestFields.includes(name)) return name;
  }
  let found: { field: string; at: number } | undefined;
  for (const field of requestFields) {
    const at = message.search(new RegExp(`(^|[^\\w])${field}($|[^\\w])`));
    if (at >= 0 && (found === undefined || at < found.at)) found = { field, at };
  }
  return found?.field;
}

/** Our reason for a status when the server gave none. */
const fallbackReasons: Record<number, MessageKey> = {
  400: 'api.http400',
  401: 'api.http401',
  402: 'api.http402',
  403: 'api.http403',
  404: 'api.http404',
  408: 'api.http408',
  429: 'api.http429',
  500: 'api.http500',
  502: 'api.http502',
  503: 'api.http503',
  504: 'api.http504',
};

export function errorFromResponse(failure: HttpFailure, t: Translate = english.t): ApiError {
  const { status, retryAfterMs } = failure;
  const retryHint = (ms: number | undefined): string =>
    ms === undefined ? '' : t('api.retryIn', { seconds: Math.max(1, Math.ceil(ms / 1000)) });
  if (status === 0 || (status >= 300 && status < 400)) {
    const target = failure.location ? originOf(failure.location) : undefined;
    return {
      kind: 'bad-response',
      status,
      message:
        target === undefined ? t('api.redirectedSomewhere') : t('api.redirected', { target }),
    };
  }
  const detail = describeBody(failure.body, failure.contentType, t);
  const fallback = fallbackReasons[status];
  const reason =
    detail.reason ??
    (failure.statusText?.trim() || (fallback ? t(fallback) : t('api.requestFailed')));
  const message = `${reason} (HTTP ${status})`;
  if (status === 401 || status === 403 || status === 407) return { kind: 'auth', status, message };
  if (status === 402) return { kind: 'balance', status, message };
  if (status === 404 || status === 410) return { kind: 'not-found', status, message };
  if (status === 429) {
    return {
      kind: 'rate-limited',
      status,
      message: message + retryHint(retryAfterMs),
      ...optionalRetry(retryAfterMs),
    };
  }
  if (status === 408 || status >= 500) {
    return {
      kind: 'server',
      status,
      message: message + retryHint(retryAfterMs),
      ...optionalRetry(retryAfterMs),
    };
  }
  if (status >= 400) {
    const field =
      detail.param ?? (detail.reason === undefined ? undefined : fieldFromMessage(detail.reason));
    return { kind: 'invalid-request', status, message, ...(field === undefined ? {} : { field }) };
  }
  return { kind: 'bad-response', status, message: t('api.unexpected', { message }) };
}

const optionalRetry = (retryAfterMs: number | undefined) =>
  retryAfterMs === undefined ? {} : { retryAfterMs };

/** Where a redirect pointed; undefined when the Location cannot be read. */
function originOf(location: string): string | undefined {
  return URL.canParse(location) ? new URL(location).origin : undefined;
}

/** An answer that arrived but cannot be used (not JSON, or not the documented shape). */
export function badResponse(status: number, problem: string, t: Translate = english.t): ApiError {
  return { kind: 'bad-response', status, message: t('api.unreadable', { problem, status }) };
}

/** A server that echoes the key in an error message must not get it onto the screen or into logs. */
export function withoutKey(error: ApiError, apiKey: string): ApiError {
  if (apiKey.length < 4 || !error.message.includes(apiKey)) return error;
  return { ...error, message: error.message.split(apiKey).join('[API key]') };
}
