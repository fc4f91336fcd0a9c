import { describe, expect, it } from 'vitest';
import { applyLanguage } from '../../i18n';
import {
  formatAbout,
  formatCentsPerSecond,
  formatClock,
  formatDateTime,
  formatExpiry,
  formatMoney,
  formatNumber,
  formatTime,
} from './format';

// Intl separates "US$" from the amount with a no-break space; written plainly here.
const plain = (text: string) => text.replace(/\u00a0|\u202f/g, ' ');
const minute = 60_000;
const hour = 60 * minute;

describe('format, in English', () => {
  it('writes money, rates and numbers as before', () => {
    expect(formatMoney(320)).toBe('$3.20');
    expect(formatMoney(0)).toBe('$0.00');
    expect(formatMoney(123_456)).toBe('$1,234.56');
    expect(formatCentsPerSecond(40)).toBe('40 ¢/s');
    expect(formatCentsPerSecond(12.5)).toBe('12.5 ¢/s');
    expect(formatNumber(1 / 3)).toBe('0.33');
    expect(formatNumber(1500)).toBe('1500');
  });

  it('says durations and expiry in words', () => {
    expect(formatClock(7_000)).toBe('0:07');
    expect(formatClock(3_723_000)).toBe('1:02:03');
    expect(formatAbout(400)).toBe('about 1 s');
    expect(formatAbout(40_000)).toBe('about 40 s');
    expect(formatAbout(170_000)).toBe('about 3 min');
    expect(formatExpiry(20 * minute, 0)).toBe('expires in 20 min');
    expect(formatExpiry(3 * hour + 5 * minute, 0)).toBe('expires in 3 h');
    expect(formatExpiry(0, 0)).toBe('expired');
  });

  it('writes dates the English way', () => {
    const at = new Date(2026, 11, 1, 9, 0, 5).getTime();
    expect(plain(formatDateTime(at))).toBe('Dec 1, 2026, 9:00 AM');
    expect(plain(formatTime(at))).toBe('09:00:05 AM');
  });
});

describe('format, in Dutch', () => {
  const dutch = () => applyLanguage('nl');

  it('writes money and numbers with a decimal comma', () => {
    dutch();
    expect(plain(formatMoney(320))).toBe('US$ 3,20');
    expect(plain(formatMoney(123_456))).toBe('US$ 1.234,56');
    expect(formatCentsPerSecond(12.5)).toBe('12,5 ¢/s');
    expect(formatNumber(1 / 3)).toBe('0,33');
  });

  it('says durations and expiry in Dutch', () => {
    dutch();
    expect(formatAbout(40_000)).toBe('ongeveer 40 s');
    expect(formatAbout(170_000)).toBe('ongeveer 3 min');
    expect(formatExpiry(20 * minute, 0)).toBe('verloopt over 20 min');
    expect(formatExpiry(3 * hour, 0)).toBe('verloopt over 3 u');
    expect(formatExpiry(-minute, 0)).toBe('verlopen');
  });

  it('writes dates the Dutch way, on a 24-hour clock', () => {
    dutch();
    const at = new Date(2026, 11, 1, 21, 0, 5).getTime();
    expect(plain(formatDateTime(at))).toBe('1 dec 2026, 21:00');
    expect(plain(formatTime(at))).toBe('21:00:05');
  });

  it('goes back to English formats when the language does', () => {
    dutch();
    expect(formatNumber(2.5)).toBe('2,5');
    applyLanguage('en');
    expect(formatNumber(2.5)).toBe('2.5');
  });
});
