import { describe, expect, it } from 'vitest';
import { parseBudget } from './budgetText';

describe('parseBudget', () => {
  it('takes a decimal point or a decimal comma, as people write money', () => {
    expect(parseBudget('1.50')).toEqual({ cents: 150 });
    expect(parseBudget('1,50')).toEqual({ cents: 150 });
    expect(parseBudget('12,5')).toEqual({ cents: 1250 });
    expect(parseBudget(' $0.29 ')).toEqual({ cents: 29 });
    expect(parseBudget('5')).toEqual({ cents: 500 });
  });

  it('is no limit when empty', () => {
    expect(parseBudget('  ')).toEqual({ cents: null });
  });

  it('refuses what could be read two ways, or is no amount', () => {
    // "1.500,00" and "1,500" are thousands in one locale and decimals in another.
    for (const text of ['1.500,00', '1,500.00', '1,500', '1.500', '0', '0,00', '-3', 'lots'])
      expect(parseBudget(text)).toHaveProperty('problem');
  });
});
