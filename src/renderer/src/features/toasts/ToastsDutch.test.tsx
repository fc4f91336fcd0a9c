import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { setupRendererTests } from '../../testSupport/fakeBackend';
import { Toasts } from './Toasts';
import { useToastsStore } from './toastsStore';

setupRendererTests();
afterEach(() => i18n.changeLanguage('en'));

describe('toasts in Dutch (issue 14)', () => {
  it('names the strip and its buttons in Dutch; the notice itself is main’s', async () => {
    await i18n.changeLanguage('nl');
    useToastsStore.setState({
      toasts: [
        {
          key: 1,
          kind: 'ready',
          title: '2 clips klaar',
          body: 'Een vos in de sneeuw',
          jobId: 'j1',
        },
      ],
    });
    render(<Toasts />);
    const region = screen.getByRole('region', { name: 'Meldingen (F8)' });
    expect(within(region).getByRole('listitem').textContent).toContain('2 clips klaar');
    expect(within(region).getByRole('button', { name: 'Tonen' })).toBeTruthy();
    expect(within(region).getByRole('button', { name: 'Sluiten' })).toBeTruthy();
  });
});
