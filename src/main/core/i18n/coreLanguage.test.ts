import { describe, expect, it } from 'vitest';
import { startTestSimulator } from '../../../../test/support/testSimulator';
import { useSimulatorCores } from '../../../../test/support/settingsCore';

/**
 * Issue 14: what core says in command results follows the language setting, at once; for
 * 'system' the OS's languages (desktop) or the page's report (browser host). The server's
 * own words are quoted as they come.
 */
const core = useSimulatorCores('airframe-language-');

const plainHttp = { apiBase: 'http://api.example.com' };

describe('core’s messages', () => {
  it('are English by default', async () => {
    const sim = await startTestSimulator();
    const { call } = await core();
    await call('settings.update', { apiBase: sim.apiBase });
    const refused = await call('settings.setApiKey', { apiKey: 'not-the-right-key' });
    expect(refused).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^The key was not saved: /) as unknown },
    });
    expect(await call('settings.update', plainHttp)).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-request',
        message: expect.stringMatching(
          /^Invalid settings\.update request — apiBase: Plain http:\/\/ is accepted only for this computer .* Use https:\/\/api\.example\.com instead\.$/,
        ) as unknown,
      },
    });
  });

  it('are Dutch as soon as the setting says nl, with the server’s text quoted as is', async () => {
    const sim = await startTestSimulator();
    const { call } = await core();
    await call('settings.update', { apiBase: sim.apiBase });
    const english = await call('settings.setApiKey', { apiKey: 'not-the-right-key' });
    expect(await call('settings.update', { language: 'nl' })).toMatchObject({ ok: true });

    const refused = await call('settings.setApiKey', { apiKey: 'not-the-right-key' });
    const serverText = !english.ok && english.error.message.replace('The key was not saved: ', '');
    expect(refused).toMatchObject({
      ok: false,
      error: { message: `De API-sleutel is niet opgeslagen: ${serverText}` },
    });
    expect(await call('settings.update', plainHttp)).toMatchObject({
      ok: false,
      error: {
        message: expect.stringMatching(
          /^Ongeldig settings\.update-verzoek — apiBase: Gewoon http:\/\/ mag alleen voor deze computer .* Gebruik https:\/\/api\.example\.com\.$/,
        ) as unknown,
      },
    });
  });

  it('say why a key was forgotten in Dutch', async () => {
    const real = await startTestSimulator();
    const other = await startTestSimulator();
    const { call } = await core();
    await call('settings.update', { apiBase: real.apiBase, language: 'nl' });
    await call('settings.setApiKey', { apiKey: real.apiKey });
    expect(await call('settings.update', { apiBase: other.apiBase })).toMatchObject({
      ok: true,
      value: {
        apiKeyNotice: `De API-sleutel is vergeten omdat de API-basis is gewijzigd in ${new URL(other.apiBase).origin}: vul hem opnieuw in.`,
      },
    });
  });
});

describe('the library’s refusals', () => {
  it('are Dutch after the setting says nl, English before', async () => {
    const { call } = await core();
    expect(await call('library.get', { clipId: 'gone' })).toMatchObject({
      error: { code: 'not-found', message: 'This clip is no longer in the library' },
    });
    await call('settings.update', { language: 'nl' });
    expect(await call('library.get', { clipId: 'gone' })).toMatchObject({
      error: { code: 'not-found', message: 'Deze clip staat niet meer in de bibliotheek' },
    });
    expect(await call('library.setFolder', { path: '/' })).toMatchObject({
      error: {
        code: 'invalid-request',
        message:
          'De bibliotheek kan niet in /: dat is de hoofdmap van een schijf. Kies een andere map.',
      },
    });
  });
});

describe('the queue’s refusals', () => {
  it('are Dutch after the setting says nl, English before', async () => {
    const { call } = await core();
    expect(await call('jobs.cancel', { id: 'gone' })).toMatchObject({
      error: { code: 'not-found', message: 'That job no longer exists.' },
    });
    await call('settings.update', { language: 'nl' });
    expect(await call('jobs.cancel', { id: 'gone' })).toMatchObject({
      error: { code: 'not-found', message: 'Die taak bestaat niet meer.' },
    });
    expect(await call('jobs.retry', { id: 'gone' })).toMatchObject({
      error: { message: 'Die taak bestaat niet meer.' },
    });
  });
});

describe('the language main speaks', () => {
  it('follows what the page reports while the setting is system (the browser host)', async () => {
    const { call } = await core();
    expect(await call('app.reportLanguages', { languages: [] })).toEqual({
      ok: true,
      value: { language: 'en' },
    });
    expect(await call('app.reportLanguages', { languages: ['nl-NL', 'nl', 'en'] })).toEqual({
      ok: true,
      value: { language: 'nl' },
    });
    expect(await call('settings.update', plainHttp)).toMatchObject({
      error: { message: expect.stringMatching(/^Ongeldig/) as unknown },
    });
    // The setting wins over the page.
    await call('settings.update', { language: 'en' });
    expect(await call('settings.update', plainHttp)).toMatchObject({
      error: { message: expect.stringMatching(/^Invalid/) as unknown },
    });
    expect(await call('app.reportLanguages', { languages: ['nl-NL'] })).toMatchObject({
      value: { language: 'en' },
    });
  });

  it('follows the OS where the host knows its languages, whatever the page reports', async () => {
    const { call } = await core({ systemLanguages: () => ['nl-BE', 'fr-BE'] });
    expect(await call('app.reportLanguages', { languages: ['en-US'] })).toEqual({
      ok: true,
      value: { language: 'nl' },
    });
  });

  it('refuses a report that is not a list of language tags', async () => {
    const { call } = await core();
    for (const languages of [['nl NL'], [''], ['x'.repeat(65)], Array(33).fill('nl'), 'nl']) {
      expect(await call('app.reportLanguages', { languages })).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    }
  });
});
