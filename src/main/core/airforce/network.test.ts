import { describe, expect, it } from 'vitest';
import { networkError, timeoutError } from './network';

const undici = (code: string, message = code) =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });

describe('networkError', () => {
  it('knows a refused connection never carried the request', () => {
    expect(networkError(undici('ECONNREFUSED'), 'api.airforce', false)).toEqual({
      kind: 'network',
      maybeSent: false,
      message: 'Could not connect to api.airforce (ECONNREFUSED)',
    });
  });

  it('looks inside AggregateErrors (localhost over IPv4 and IPv6)', () => {
    const both = new AggregateError(
      [Object.assign(new Error('a'), { code: 'ECONNREFUSED' })],
      'connect',
    );
    expect(
      networkError(new TypeError('fetch failed', { cause: both }), 'localhost', false).maybeSent,
    ).toBe(false);
  });

  it.each(['ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'CERT_HAS_EXPIRED'])(
    '%s is never sent',
    (code) => {
      expect(networkError(undici(code), 'h', false).maybeSent).toBe(false);
    },
  );

  it.each([
    'net::ERR_CONNECTION_REFUSED',
    'net::ERR_NAME_NOT_RESOLVED',
    'net::ERR_CERT_DATE_INVALID',
  ])('Electron’s %s is never sent', (message) => {
    expect(networkError(new Error(message), 'h', false).maybeSent).toBe(false);
  });

  it.each([
    [undici('ECONNRESET')],
    [undici('UND_ERR_SOCKET', 'other side closed')],
    [new Error('net::ERR_CONNECTION_RESET')],
    [new Error('net::ERR_EMPTY_RESPONSE')],
    ['a thrown string'],
  ])('anything else may have been sent: %s', (error) => {
    expect(networkError(error, 'h', false).maybeSent).toBe(true);
  });

  it('treats a failure after the answer began as sent, whatever the code', () => {
    expect(networkError(undici('ECONNREFUSED'), 'h', true)).toMatchObject({ maybeSent: true });
  });

  it('names the deepest message when there is no code', () => {
    expect(
      networkError(
        new TypeError('fetch failed', { cause: new Error('other side closed') }),
        'h',
        false,
      ).message,
    ).toBe('The connection to h failed (other side closed)');
  });
});

describe('timeoutError', () => {
  it('may have been sent and says how long it waited', () => {
    expect(timeoutError('api.airforce', 30_000)).toEqual({
      kind: 'network',
      maybeSent: true,
      message: 'No answer from api.airforce within 30 s',
    });
  });
});
