import { get } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { securityHeaders } from './requestGuard';
import { startTestHost, testToken, type TestHost } from '../../test/support/testHost';

let t: TestHost | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/**
 * Issue 14, stumble 7: after the host restarted, the old tab's address showed a bare "403"
 * text page. It says what happened and what to do, without the token.
 */
describe('a tab without this run’s token', () => {
  it('is told it belongs to an earlier run, and where to go, in a styled page', async () => {
    t = await startTestHost();
    const answer = await fetch(`${t.origin}/?token=an-earlier-runs-token`);
    expect(answer.status).toBe(403);
    expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await answer.text();
    expect(page).toContain('This Airframe tab belongs to an earlier run of the host');
    expect(page).toContain(
      `Open the address the host printed when it started: it begins with <code>http://127.0.0.1:${t.port}/?token=</code>`,
    );
    expect(page).toContain('Jobs resume when the host runs again');
    expect(page).not.toContain(testToken);
    expect(page).not.toContain('<script');

    const style = await fetch(`${t.origin}/refused.css`);
    expect(style.status).toBe(200);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(style.headers.get('content-security-policy')).toBe(
      securityHeaders['Content-Security-Policy'],
    );
    expect(page).toContain('<link rel="stylesheet" href="/refused.css">');
  });

  it('says the same for an earlier run’s cookie', async () => {
    t = await startTestHost();
    const answer = await fetch(`${t.origin}/`, {
      headers: { cookie: `airframe-token-${t.port}=an-earlier-runs-token` },
    });
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain('belongs to an earlier run of the host');
  });

  it('tells an address with no token at all that it lacks one', async () => {
    t = await startTestHost();
    const answer = await fetch(`${t.origin}/`);
    expect(answer.status).toBe(403);
    const page = await answer.text();
    expect(page).toContain('This address lacks Airframe’s token');
    expect(page).not.toContain(testToken);
  });

  it('speaks Dutch to a browser that prefers it (Accept-Language), English otherwise', async () => {
    t = await startTestHost();
    const dutch = await fetch(`${t.origin}/?token=an-earlier-runs-token`, {
      headers: { 'accept-language': 'nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7' },
    });
    expect(dutch.status).toBe(403);
    expect(dutch.headers.get('content-language')).toBe('nl');
    const page = await dutch.text();
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain('Dit Airframe-tabblad hoort bij een eerdere run van de host');
    expect(page).toContain(
      `Open het adres dat de host bij het starten toonde: het begint met <code>http://127.0.0.1:${t.port}/?token=</code>.`,
    );
    expect(page).toContain('Je taken en clips blijven bewaard.');
    expect(page).not.toContain(testToken);

    const germanThenDutch = await fetch(`${t.origin}/`, {
      headers: { 'accept-language': 'de-DE,de;q=0.9,nl;q=0.1' },
    });
    expect(germanThenDutch.headers.get('content-language')).toBe('nl');
    const fallback = await fetch(`${t.origin}/`, { headers: { 'accept-language': 'fr-FR' } });
    expect(fallback.headers.get('content-language')).toBe('en');
    expect(await fallback.text()).toContain('<html lang="en">');
  });

  it('tells a tab reached by another host name where to go, in its language', async () => {
    t = await startTestHost();
    const port = t.port;
    const answer = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      get(
        { port, path: '/', headers: { host: 'evil.example', 'accept-language': 'nl' } },
        (res) => {
          let body = '';
          res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
          res.on('end', () =>
            resolve({ ...(res.statusCode ? { status: res.statusCode } : {}), body }),
          );
        },
      ).on('error', reject);
    });
    expect(answer).toEqual({
      status: 421,
      body: 'Open het adres dat de host bij het starten toonde.',
    });
  });
});
