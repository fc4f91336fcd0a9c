import { describe, expect, it } from 'vitest';
import { describeBody, errorFromResponse, fieldFromMessage, withoutKey } from './errors';

const json = (value: unknown) => JSON.stringify(value);
const documented = (message: string, extra: Record<string, unknown> = {}) =>
  json({ error: { type: 'some_error', message, ...extra } });

describe('errorFromResponse', () => {
  it.each([
    [400, 'invalid-request'],
    [401, 'auth'],
    [402, 'balance'],
    [403, 'auth'],
    [404, 'not-found'],
    [405, 'invalid-request'],
    [408, 'server'],
    [409, 'invalid-request'],
    [410, 'not-found'],
    [422, 'invalid-request'],
    [429, 'rate-limited'],
    [500, 'server'],
    [502, 'server'],
    [503, 'server'],
    [504, 'server'],
    [599, 'server'],
  ])('maps HTTP %i to %s with the status and the server’s reason', (status, kind) => {
    const error = errorFromResponse({ status, body: documented('Something specific went wrong') });
    expect(error).toMatchObject({
      kind,
      status,
      message: `Something specific went wrong (HTTP ${status})`,
    });
  });

  it('takes the field of an invalid request from `param`', () => {
    const body = json({
      error: { type: 'invalid_request_error', message: 'must be 5..10', param: 'duration_seconds' },
    });
    expect(errorFromResponse({ status: 400, body })).toEqual({
      kind: 'invalid-request',
      status: 400,
      message: 'must be 5..10 (HTTP 400)',
      field: 'duration_seconds',
    });
  });

  it('finds the field in the message when there is no `param`', () => {
    const error = errorFromResponse({
      status: 422,
      body: documented("Invalid value for 'aspect_ratio': 21:9"),
    });
    expect(error).toMatchObject({ kind: 'invalid-request', field: 'aspect_ratio' });
  });

  it('leaves the field out when nothing names one', () => {
    const error = errorFromResponse({ status: 400, body: documented('Nope') });
    expect(error).not.toHaveProperty('field');
  });

  it('shows the <title> of an HTML page from a proxy', () => {
    const body =
      '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>';
    expect(errorFromResponse({ status: 502, contentType: 'text/html', body })).toEqual({
      kind: 'server',
      status: 502,
      message: '502 Bad Gateway (HTTP 502)',
    });
  });

  it('falls back to <h1>, then to "HTML error page"', () => {
    expect(
      errorFromResponse({ status: 503, body: '<html><body><h1>Down &amp; out</h1></body></html>' })
        .message,
    ).toBe('Down & out (HTTP 503)');
    expect(
      errorFromResponse({ status: 500, contentType: 'text/html', body: '<p>oops</p>' }).message,
    ).toBe('HTML error page (HTTP 500)');
  });

  it('shows plain text, flattened and truncated', () => {
    const error = errorFromResponse({
      status: 500,
      contentType: 'text/plain',
      body: `upstream\n  failed ${'x'.repeat(500)}`,
    });
    expect(error.message.startsWith('upstream failed xxx')).toBe(true);
    expect(error.message.endsWith('… (HTTP 500)')).toBe(true);
    expect(error.message.length).toBeLessThan(220);
  });

  it('uses the status text, then a readable default, for an empty body', () => {
    expect(
      errorFromResponse({ status: 503, statusText: 'Service Unavailable', body: '' }).message,
    ).toBe('Service Unavailable (HTTP 503)');
    expect(errorFromResponse({ status: 401, body: '  ' }).message).toBe(
      'The API key was rejected (HTTP 401)',
    );
    expect(errorFromResponse({ status: 499, body: '' }).message).toBe('Request failed (HTTP 499)');
  });

  it('reads JSON that is not the documented shape', () => {
    expect(
      errorFromResponse({ status: 400, body: json({ message: 'prompt is required' }) }),
    ).toMatchObject({
      message: 'prompt is required (HTTP 400)',
      field: 'prompt',
    });
    expect(errorFromResponse({ status: 500, body: json({ error: 'boom' }) }).message).toBe(
      'boom (HTTP 500)',
    );
    expect(errorFromResponse({ status: 500, body: json({ detail: 'db down' }) }).message).toBe(
      'db down (HTTP 500)',
    );
    expect(errorFromResponse({ status: 500, body: json([1, 2]) }).message).toBe('[1,2] (HTTP 500)');
  });

  it('reads broken JSON as text', () => {
    expect(
      errorFromResponse({ status: 500, contentType: 'application/json', body: '{"error":' })
        .message,
    ).toBe('{"error": (HTTP 500)');
  });

  it('reads an XML error document (an S3-style CDN)', () => {
    const body =
      '<?xml version="1.0"?><Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>';
    expect(errorFromResponse({ status: 403, contentType: 'application/xml', body }).message).toBe(
      'Request has expired (HTTP 403)',
    );
  });

  it('carries Retry-After on 429 and 503 and says when to try again', () => {
    expect(
      errorFromResponse({ status: 429, body: documented('Too many tasks'), retryAfterMs: 12_000 }),
    ).toEqual({
      kind: 'rate-limited',
      status: 429,
      message: 'Too many tasks (HTTP 429); try again in 12 s',
      retryAfterMs: 12_000,
    });
    expect(errorFromResponse({ status: 503, body: '', retryAfterMs: 500 })).toMatchObject({
      retryAfterMs: 500,
    });
    expect(errorFromResponse({ status: 429, body: '' })).not.toHaveProperty('retryAfterMs');
  });

  it('treats a redirect as a bad response naming only the target origin', () => {
    const error = errorFromResponse({
      status: 302,
      body: '',
      location: 'https://evil.example/steal?sig=secret',
    });
    expect(error).toEqual({
      kind: 'bad-response',
      status: 302,
      message:
        'The server redirected the request to https://evil.example; redirects are not followed',
    });
    expect(errorFromResponse({ status: 0, body: '' }).kind).toBe('bad-response');
  });
});

describe('describeBody', () => {
  it('decodes entities and strips markup inside the title', () => {
    expect(
      describeBody('<html><title> Error &#8211; <b>Cloud&#x46;lare</b> </title></html>'),
    ).toEqual({
      reason: 'Error – CloudFlare',
    });
  });

  it('says nothing about an empty body', () => {
    expect(describeBody('')).toEqual({});
  });
});

describe('fieldFromMessage', () => {
  it.each([
    ['`duration_seconds` must be between 5 and 10', 'duration_seconds'],
    ['"input_images[0].url" must be https', 'input_images'],
    ['quality must be one of 480p, 720p', 'quality'],
    ['Unknown model wan-9', 'model'],
    ['The mode "image" needs input_images', 'mode'],
    ['limit: must be at most 200', 'limit'],
  ])('%s → %s', (message, field) => {
    expect(fieldFromMessage(message)).toBe(field);
  });

  it('does not read "model" as "mode"', () => {
    expect(fieldFromMessage('unknown model')).toBe('model');
  });

  it('finds nothing in a message about no field', () => {
    expect(fieldFromMessage('Something went wrong')).toBeUndefined();
  });
});

describe('withoutKey', () => {
  it('removes an echoed key from the message', () => {
    const error = withoutKey(
      { kind: 'auth', status: 401, message: 'Invalid key sk-air-secret123' },
      'sk-air-secret123',
    );
    expect(error.message).toBe('Invalid key [API key]');
  });
});
