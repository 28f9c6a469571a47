import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../src/core.ts';

describe('createFormatters — cost', () => {
  const { cost } = createFormatters({ locale: 'en-US' });

  it('shows cents for ordinary amounts and exactly $0.00 for zero', () => {
    expect(cost(12.345)).toBe('$12.35');
    expect(cost(0)).toBe('$0.00');
  });

  it.each([0.004, 0.0049, 0.000_42, 0.000_001, 1e-9, 0.009_99])('never shows a positive %f as $0.00', (usd) => {
    const text = cost(usd);
    expect(text).not.toBe('$0.00');
    expect(text).not.toMatch(/^\$0(\.0+)?$/);
  });

  it('keeps two significant digits below a cent and a floor below a millionth', () => {
    expect(cost(0.0042)).toBe('$0.0042');
    expect(cost(1e-9)).toBe('<$0.000001');
  });

  it('follows the currency’s smallest unit: yen amounts below ¥1 are not ¥0', () => {
    const yen = createFormatters({ locale: 'ja-JP', currency: 'JPY', currencyRate: 150 }).cost;
    expect(yen(0.002)).not.toMatch(/^[¥￥]0$/);
    expect(yen(1)).toBe('￥150');
  });

  it('formats in the locale', () => {
    expect(createFormatters({ locale: 'de-DE', currency: 'EUR' }).cost(1234.5)).toBe('1.234,50\u00a0€');
  });
});

describe('createFormatters — numbers, dates, durations', () => {
  const format = createFormatters({ locale: 'en-US' });

  it('formats full and compact numbers', () => {
    expect(format.number(12345)).toBe('12,345');
    expect(format.compact(12345)).toBe('12.3K');
    expect(format.percent(0.034)).toBe('3.4%');
  });

  it('formats durations in the largest fitting unit', () => {
    expect(format.duration(850)).toBe('850 ms');
    expect(format.duration(1500)).toBe('1.5 sec');
    expect(format.duration(90_000)).toBe('1.5 min');
    expect(format.duration(2 * 3_600_000)).toBe('2 hr');
  });

  it('formats relative times against a given now', () => {
    const now = Date.parse('2026-05-10T12:00:00Z');
    expect(format.relative('2026-05-10T09:00:00Z', now)).toBe('3 hours ago');
    expect(format.relative('2026-05-09T12:00:00Z', now)).toBe('yesterday');
    expect(format.relative('2026-05-10T11:59:30Z', now)).toBe('30 seconds ago');
  });

  it('returns the same cached formatters for the same locale and currency', () => {
    expect(createFormatters({ locale: 'en-US' })).toBe(format);
    expect(createFormatters({ locale: 'fr-FR' })).not.toBe(format);
  });
});

describe('createFormatters — values that are not numbers or dates', () => {
  const format = createFormatters({ locale: 'en-US' });

  it('never invents a figure: NaN and Infinity read as a dash', () => {
    expect(format.cost(Number.NaN)).toBe('—');
    expect(format.cost(Infinity)).toBe('—');
    expect(format.duration(Number.NaN)).toBe('—');
  });

  it('shows -0 as $0.00', () => {
    expect(format.cost(-0)).toBe('$0.00');
  });

  it('reads a missing or invalid date as a dash instead of 1970 or a crash', () => {
    expect(format.dateTime(null)).toBe('—');
    expect(format.date(undefined)).toBe('—');
    expect(format.relative('not a date')).toBe('—');
  });

  it('picks the duration unit after rounding', () => {
    expect(format.duration(59_999)).toBe('1 min');
    expect(format.duration(999.6)).toBe('1 sec');
  });

  it('refuses a currency rate that would hide costs', () => {
    expect(() => createFormatters({ currencyRate: 0 })).toThrow('currencyRate must be a finite number above 0');
    expect(() => createFormatters({ currencyRate: Number.NaN })).toThrow(RangeError);
  });
});
