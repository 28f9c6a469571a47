import { describe, expect, it } from 'vitest';
import { enUS, figureHelpEnUS } from '../../src/index.ts';
import { de } from '../../src/i18n/locales/de.ts';
import { zhCN } from '../../src/i18n/locales/zh-CN.ts';
import { dictionaryLanguage } from '../../src/i18n/loadDictionary.ts';
import { pluralText } from '../../src/i18n/plural.ts';
import { ENGLISH_TEXTS } from '../../stories/englishShown.ts';

const english = ENGLISH_TEXTS;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe.each([
  ['de', de as Record<string, string>],
  ['zh-CN', zhCN as Record<string, string>],
])('the %s dictionary', (_, texts) => {
  it('has every key the English texts have, and no other', () => {
    expect(Object.keys(texts).sort()).toEqual(Object.keys(english).sort());
  });

  it('keeps each text’s placeholders, no more and no fewer', () => {
    const differ = Object.keys(english).filter((key) => placeholders(texts[key] ?? '').join() !== placeholders(english[key]!).join());
    expect(differ).toEqual([]);
  });

  it('translates: no text is left empty, and few stay English', () => {
    expect(Object.entries(texts).filter(([, text]) => text.trim() === '')).toEqual([]);
    // Short shared words (API, Trace, Tag) may stay; whole sentences may not.
    const same = Object.keys(english).filter((key) => texts[key] === english[key] && (english[key]!.replace(/\{\w+\}/g, '').match(/[A-Za-z][a-z]{2,}/g)?.length ?? 0) > 1);
    expect(same).toEqual([]);
  });

  it('keeps the two lines of each figure’s help', () => {
    for (const key of Object.keys(figureHelpEnUS)) expect(texts[key]!.split('\n')).toHaveLength(2);
  });
});

describe('plural forms', () => {
  const labels = { ...enUS, resultsCountFew: '{count} użytkowników (few)', resultsCountMany: '{count} użytkowników (many)', resultsCountTwo: '{count} (two)' } as Record<string, string>;

  it('follow Intl.PluralRules: one and other in English and German, one form in Chinese', () => {
    expect([1, 2, 0].map((count) => pluralText(enUS, 'resultsCount', count, 'en-US'))).toEqual([enUS.resultsCountOne, enUS.resultsCount, enUS.resultsCount]);
    expect([1, 21].map((count) => pluralText(de, 'resultsCount', count, 'de'))).toEqual([de.resultsCountOne, de.resultsCount]);
    expect(pluralText(zhCN, 'resultsCount', 1, 'zh-CN')).toBe(zhCN.resultsCount);
  });

  it('take the few, many and two forms a host gives, and the other form where it gives none', () => {
    expect([1, 3, 5, 22, 1.5].map((count) => pluralText(labels, 'resultsCount', count, 'pl'))).toEqual([
      enUS.resultsCountOne,
      labels.resultsCountFew,
      labels.resultsCountMany,
      labels.resultsCountFew,
      enUS.resultsCount, // Polish "other" (fractions)
    ]);
    expect(pluralText(labels, 'resultsCount', 2, 'ar')).toBe(labels.resultsCountTwo);
    expect(pluralText(labels, 'resultsCount', 3, 'ar')).toBe(labels.resultsCountFew);
    expect(pluralText(labels, 'trendTotal', 3, 'pl')).toBe(enUS.trendTotal);
  });
});

describe('the language a locale reads in', () => {
  it('is German for de…, Chinese for zh…, and English for the rest', () => {
    expect(['de', 'de-DE', 'DE-at', 'de_CH', 'zh', 'zh-CN', 'zh-Hans-CN', 'zh-TW', 'en-US', 'fr-FR', 'ja-JP', undefined, '', 'dev'].map(dictionaryLanguage)).toEqual([
      'de',
      'de',
      'de',
      'de',
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'zh-CN',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
