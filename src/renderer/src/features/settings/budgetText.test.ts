import { describe, expect, it } from 'vitest';
import { applyLanguage } from '../../i18n';
import { budgetText, parseBudget } from './budgetText';

describe('parseBudget', () => {
  it.each(['en', 'nl'] as const)(
    'takes a decimal point or a decimal comma, as people write money (%s)',
    (language) => {
      applyLanguage(language);
      expect(parseBudget('1.50')).toEqual({ cents: 150 });
      expect(parseBudget('1,50')).toEqual({ cents: 150 });
      expect(parseBudget('12,5')).toEqual({ cents: 1250 });
      expect(parseBudget(' $0.29 ')).toEqual({ cents: 29 });
      expect(parseBudget('US$ 3,20')).toEqual({ cents: 320 });
      expect(parseBudget('5')).toEqual({ cents: 500 });
    },
  );

  it('is no limit when empty', () => {
    expect(parseBudget('  ')).toEqual({ cents: null });
  });

  it('refuses what could be read two ways, or is no amount', () => {
    // "1.500,00" and "1,500" are thousands in one locale and decimals in another.
    for (const text of ['1.500,00', '1,500.00', '1,500', '1.500', '0', '0,00', '-3', 'lots'])
      expect(parseBudget(text)).toHaveProperty('problem');
  });

  it('says the rule in the UI’s language', () => {
    expect(parseBudget('lots')).toEqual({
      problem:
        'Enter an amount in dollars, such as 5, 12.50 or 12,50 (no thousands separators), or leave it empty for no limit.',
    });
    applyLanguage('nl');
    expect(parseBudget('lots')).toHaveProperty(
      'problem',
      expect.stringMatching(/^Voer een bedrag in dollars in, zoals 5, 12,50 of 12\.50/),
    );
  });
});

describe('budgetText', () => {
  it('shows the budget with the decimal separator of the UI’s language', () => {
    expect(budgetText(1250)).toBe('12.50');
    expect(budgetText(150_000)).toBe('1500.00');
    expect(budgetText(null)).toBe('');
    applyLanguage('nl');
    expect(budgetText(1250)).toBe('12,50');
    expect(budgetText(150_000)).toBe('1500,00');
  });

  it.each(['en', 'nl'] as const)('reads back what it shows (%s)', (language) => {
    applyLanguage(language);
    for (const cents of [1, 29, 150, 1250, 150_000])
      expect(parseBudget(budgetText(cents))).toEqual({ cents });
  });
});
