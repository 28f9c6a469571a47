import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../src/format/createFormatters.ts';
import { edgeLabels } from '../../src/format/edgeLabels.ts';

const usd = createFormatters({ timeZone: 'UTC' });

describe('edgeLabels', () => {
  it('adds fraction digits until a step reads: $0.020, $0.025, $0.030', () => {
    expect(edgeLabels([0.02, 0.025, 0.03], 'cost', usd)).toEqual(['$0.020', '$0.025', '$0.030']);
  });

  it('keeps a currency’s usual digits where they suffice: $0.02 to $0.03', () => {
    expect(edgeLabels([0.02, 0.03], 'cost', usd)).toEqual(['$0.02', '$0.03']);
  });

  it('gives each edge of a log ladder the digits its neighbours need', () => {
    const labels = edgeLabels([0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1], 'cost', usd);
    expect(labels).toEqual(['$0.0005', '$0.0010', '$0.002', '$0.005', '$0.010', '$0.02', '$0.05', '$0.10', '$0.20', '$0.50', '$1.00']);
  });

  it('converts costs as the provider’s formatter does, in its locale’s digits', () => {
    for (const options of [
      { locale: 'de-DE', currency: 'EUR', currencyRate: 0.5 },
      { locale: 'ja-JP', currency: 'JPY', currencyRate: 150 },
      { locale: 'de-DE', currency: 'JPY', currencyRate: 150 },
      { locale: 'ar-EG', currency: 'EGP', currencyRate: 50 },
    ]) {
      const format = createFormatters({ ...options, timeZone: 'UTC' });
      // Edges whole in the shown currency read as its own cost formatter reads them.
      expect(edgeLabels([2, 4, 6], 'cost', format), JSON.stringify(options)).toEqual([format.cost(2), format.cost(4), format.cost(6)]);
    }
  });

  it('reads durations in one unit, ratios as percentages, counts compactly', () => {
    expect(edgeLabels([0, 500, 1000, 1500], 'duration', usd)).toEqual(['0.0 sec', '0.5 sec', '1.0 sec', '1.5 sec']);
    expect(edgeLabels([0, 0.025, 0.05], 'percent', usd)).toEqual(['0.0%', '2.5%', '5.0%']);
    expect(edgeLabels([1000, 1050, 2000, 500_000], 'count', usd)).toEqual(['1K', '1.05K', '2K', '500K']);
  });

  it('tells apart edges no digit count shows exactly', () => {
    const format = createFormatters({ currency: 'EUR', currencyRate: 1 / 3, timeZone: 'UTC' });
    const labels = edgeLabels([0.01, 0.0101, 0.0102], 'cost', format);
    expect(new Set(labels).size).toBe(3);
  });
});
