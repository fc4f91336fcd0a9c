import { describe, expect, it } from 'vitest';
import { messagesIn } from '../i18n';
import { createAirforceClient } from './client';
import { badResponse, describeBody, errorFromResponse } from './errors';
import { networkError, timeoutError } from './network';
import { AirforceError } from './types';

/**
 * Issue 14: the client's own words follow the `t` it was made with (main's language); what
 * the server or the system said is quoted as it came. English stays as it was by default.
 */
const nl = messagesIn('nl').t;
const refused = Object.assign(new TypeError('fetch failed'), {
  cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
});

describe('the client’s words in Dutch', () => {
  it('for a connection that failed or an answer that never came', () => {
    expect(networkError(refused, 'api.airforce', false, nl).message).toBe(
      'Kan geen verbinding maken met api.airforce (ECONNREFUSED)',
    );
    expect(networkError(new Error('socket hang up'), 'api.airforce', true, nl).message).toBe(
      'De verbinding met api.airforce viel weg tijdens het lezen van het antwoord (socket hang up)',
    );
    expect(networkError(new Error('socket hang up'), 'api.airforce', false, nl).message).toBe(
      'De verbinding met api.airforce is mislukt (socket hang up)',
    );
    expect(timeoutError('api.airforce', 30_000, nl).message).toBe(
      'Geen antwoord van api.airforce binnen 30 s',
    );
    expect(timeoutError('api.airforce', 2_500, nl).message).toBe(
      'Geen antwoord van api.airforce binnen 2,5 s',
    );
  });

  it('around the server’s own reason, which is quoted as it came', () => {
    const answer = (status: number, body = '', more = {}) =>
      errorFromResponse({ status, body, contentType: 'application/json', ...more }, nl);
    expect(answer(401, '{"error":{"message":"Invalid API key"}}').message).toBe(
      'Invalid API key (HTTP 401)',
    );
    expect(answer(401).message).toBe('De API-sleutel is geweigerd (HTTP 401)');
    expect(answer(418).message).toBe('Verzoek mislukt (HTTP 418)');
    expect(answer(503, '', { retryAfterMs: 20_000 }).message).toBe(
      'Dienst niet beschikbaar (HTTP 503); probeer het over 20 s opnieuw',
    );
    expect(answer(302, '', { location: 'https://elders.example/login' }).message).toBe(
      'De server stuurde het verzoek door naar https://elders.example; doorverwijzingen worden niet gevolgd',
    );
    expect(answer(301).message).toBe(
      'De server stuurde het verzoek door; doorverwijzingen worden niet gevolgd',
    );
    expect(answer(204).message).toBe('Onverwacht antwoord: Verzoek mislukt (HTTP 204)');
    expect(describeBody('<html><body></body></html>', 'text/html', nl)).toEqual({
      reason: 'HTML-foutpagina',
    });
    expect(badResponse(200, 'x', nl).message).toBe(
      'Het antwoord van de server kon niet worden gelezen: x (HTTP 200)',
    );
  });

  it('from a client made with a Dutch t: a key it will not send, and a server that is not there', async () => {
    const client = createAirforceClient({
      apiBase: 'http://127.0.0.1:9',
      keyOrigin: () => 'https://api.airforce',
      retry: { maxAttempts: 1 },
      t: nl,
    });
    const error = await client.listModels('sk-test').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AirforceError);
    expect((error as AirforceError).error.message).toBe(
      'De API-sleutel is niet naar http://127.0.0.1:9 gestuurd: hij is alleen met https://api.airforce gecontroleerd',
    );

    const unreachable = createAirforceClient({
      apiBase: 'http://127.0.0.1:9',
      retry: { maxAttempts: 1 },
      t: nl,
    });
    const offline = await unreachable.listModels('sk-test').catch((e: unknown) => e);
    expect((offline as AirforceError).error).toMatchObject({
      kind: 'network',
      message: expect.stringMatching(/^Kan geen verbinding maken met 127\.0\.0\.1:9 \(/) as unknown,
    });
  });

  it('stay English by default', () => {
    expect(networkError(refused, 'api.airforce', false).message).toBe(
      'Could not connect to api.airforce (ECONNREFUSED)',
    );
    expect(errorFromResponse({ status: 401, body: '' }).message).toBe(
      'The API key was rejected (HTTP 401)',
    );
  });
});
