import type { PluralKey } from './dictionary.js';

const rules = new Map<string, Intl.PluralRules>();

/**
 * The form of a counted text for `count` in `locale`: `Intl.PluralRules` picks the category, and
 * `key` + `One` / `Two` / `Few` / `Many` / `Zero` holds that form when the texts have it; else
 * the other form, `key` itself. So "1 user" / "2 users" in English, one form in Chinese, and a
 * host's Polish `resultsCountFew` for "3 użytkowników".
 */
export function pluralText(labels: Readonly<Record<string, string | undefined>>, key: PluralKey, count: number, locale: string): string {
  let rule = rules.get(locale);
  if (!rule) rules.set(locale, (rule = new Intl.PluralRules(locale)));
  const category = rule.select(count);
  return (category !== 'other' && labels[key + category[0]!.toUpperCase() + category.slice(1)]) || labels[key]!;
}
