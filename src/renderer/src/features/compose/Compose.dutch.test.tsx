import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../shared/settings';
import { i18n } from '../../i18n';
import {
  connectBackend,
  createFakeBackend,
  engineIdle,
  kling,
  makeJob,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { renderWithStores } from '../../testSupport/renderWithStores';
import { Compose } from './Compose';
import { useComposeStore } from './composeStore';
import { checkImageFile } from './imageFiles';

setupRendererTests();

function backend() {
  const fake = createFakeBackend({
    // The settings say Dutch: the app stays in Dutch when they load.
    'settings.get': () => ({
      settings: { ...defaultSettings, language: 'nl' },
      hasApiKey: true,
      keyStorage: 'os-encrypted',
      secureStorageAvailable: true,
    }),
    'jobs.list': () => ({
      jobs: [makeJob('w1', { costCents: 500 }), makeJob('w2', { costCents: 250 })],
      state: engineIdle,
    }),
    'jobs.submit': ({ request, copies }) => ({
      jobs: Array.from({ length: copies }, (_, i) => makeJob(`new${i}`, {}, request as never)),
    }),
  });
  connectBackend(fake);
  return fake;
}

// Intl writes a no-break space in "US$ 3,20"; the assertions read it as a space.
const text = (element: Element) => element.textContent?.replace(/\u00a0/g, ' ');

describe('Compose in Dutch', () => {
  beforeEach(async () => {
    await i18n.changeLanguage('nl');
  });
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('shows the modes, the parameters and the cost in Dutch, with its money format', async () => {
    backend();
    const user = userEvent.setup();
    renderWithStores(<Compose />);
    const duration = await screen.findByRole('slider', { name: 'Duur (seconden)' });
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual([
      'Tekst',
      'Afbeelding',
      'Referentie',
    ]);
    expect(screen.getByText('Een video uit alleen woorden.')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Beeldverhouding' })).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Geluid' })).toBeTruthy();
    expect(duration.getAttribute('aria-valuetext')).toBe('5 seconden');

    act(() => duration.focus());
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(text(screen.getByLabelText('Kosten'))).toBe('8 s × 40 ¢/s = US$ 3,20');
    await waitFor(() => expect(text(screen.getByLabelText('Al in de wachtrij'))).toBe('US$ 7,50'));
    expect(screen.getByText(/mislukte of verlopen taken krijg je terug/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Kopieën'), { target: { value: '2' } });
    expect(text(screen.getByLabelText('Kosten'))).toBe(
      '8 s × 40 ¢/s = US$ 3,20 × 2 kopieën = US$ 6,40',
    );
  });

  it('says in Dutch why Generate is not available, and what was queued', async () => {
    const fake = backend();
    const user = userEvent.setup();
    renderWithStores(<Compose />);
    const generate = await screen.findByRole('button', { name: 'Genereren' });
    const reasons = screen.getByRole('list', { name: 'Waarom Genereren niet kan' });
    expect(reasons.textContent).toBe('Schrijf een prompt.');

    await user.click(screen.getByRole('tab', { name: 'Afbeelding' }));
    await user.type(screen.getByLabelText('Prompt'), 'Een papieren vliegtuigje');
    await user.type(screen.getByLabelText('Seed'), 'x');
    expect(
      within(reasons)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'De seed moet een geheel getal van 0 tot 4294967295 zijn, of leeg.',
      'De modus afbeelding brengt precies één eerste frame tot leven.',
    ]);
    await user.clear(screen.getByLabelText('Seed'));
    await user.click(screen.getByRole('tab', { name: 'Tekst' }));
    fireEvent.change(screen.getByLabelText('Kopieën'), { target: { value: '3' } });
    expect(generate.getAttribute('aria-disabled')).toBe('false');

    await user.click(generate);
    expect(await screen.findByText(/^3 taken toegevoegd aan de wachtrij\./)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tonen in de wachtrij' })).toBeTruthy();
    expect(fake.callsOf('jobs.submit')).toHaveLength(1);
  });

  it('says in Dutch what another model changed in the form', async () => {
    backend();
    const user = userEvent.setup();
    renderWithStores(<Compose />);
    await user.click(await screen.findByRole('tab', { name: 'Referentie' }));
    act(() => screen.getByRole('slider', { name: 'Duur (seconden)' }).focus());
    await user.keyboard('{End}');
    act(() => useComposeStore.getState().selectModel(kling));
    expect(
      screen.getByText(
        'Overgestapt op kling-1: modus referentie → tekst (kling-1 heeft geen modus referentie); duur 10 s → 8 s.',
      ),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Bericht sluiten' })).toBeTruthy();
  });

  it('refuses an image in Dutch, with the size in Dutch digits', () => {
    const mb = 1024 * 1024;
    expect(checkImageFile({ name: 'groot.png', type: 'image/png', size: 12.04 * mb })).toBe(
      'groot.png is 12,0 MB; afbeeldingen mogen hoogstens 10 MB zijn. Exporteer hem kleiner en probeer het opnieuw.',
    );
    expect(checkImageFile({ name: '', type: 'image/gif', size: 10 })).toBe(
      'Dat bestand is geen PNG-, JPEG- of WebP-afbeelding (het is image/gif).',
    );
  });
});
