import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../i18n';
import { failureText } from './errors';
import { formatMoney } from './format';
import { Menu } from './Menu';

afterEach(() => i18n.changeLanguage('en'));

describe('common parts in Dutch (issue 14)', () => {
  it('the menu’s trigger says “Meer” when it shows no words of its own', async () => {
    await i18n.changeLanguage('nl');
    const onSelect = vi.fn();
    render(
      <Menu label="Meer acties" items={[{ label: 'Verwijderen…', onSelect, danger: true }]} />,
    );
    const trigger = screen.getByRole('button', { name: 'Meer acties' });
    expect(trigger.textContent).toBe('Meer ▾');
    await userEvent.click(trigger);
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Verwijderen…' }));
    expect(onSelect).toHaveBeenCalledOnce();
  });

  it('puts what failed before main’s reason, in the language’s own order', async () => {
    await i18n.changeLanguage('nl');
    const reason = `Het saldo is ${formatMoney(120)}.`;
    expect(failureText('Niet opgeslagen', new Error(reason))).toBe(
      'Niet opgeslagen: Het saldo is US$ 1,20.'.replace(' 1,20', '\u00a01,20'),
    );
  });
});
