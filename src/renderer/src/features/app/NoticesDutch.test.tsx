import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import {
  connectBackend,
  createFakeBackend,
  setupRendererTests,
} from '../../testSupport/fakeBackend';
import { Notices } from './Notices';

setupRendererTests();
afterEach(() => i18n.changeLanguage('en'));

describe('Notices in Dutch (issue 14)', () => {
  it('labels the notices and their buttons in Dutch, and shows main’s text as it is', async () => {
    await i18n.changeLanguage('nl');
    const restored = 'De takendatabase was beschadigd; de back-up van 24 nov 2026 is teruggezet.';
    connectBackend(
      createFakeBackend({
        'app.notices': () => ({
          notices: [
            { level: 'warning', message: restored, at: 1 },
            { level: 'info', message: '2 taken konden niet worden gelezen.', at: 2 },
          ],
        }),
      }),
    );
    render(<Notices />);
    expect((await screen.findByRole('alert')).textContent).toContain(restored);
    expect(screen.getByRole('region', { name: 'Meldingen over je gegevens' })).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Sluiten' })).toHaveLength(2);
  });
});
