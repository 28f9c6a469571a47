import type { Dictionary } from './dictionary.js';
import { enUS } from './en-US.js';

/** The languages with a built-in dictionary besides English. */
export type DictionaryLanguage = 'de' | 'zh-CN';

/**
 * The built-in dictionary a BCP 47 locale reads in: German for `de…`, Simplified Chinese for any
 * `zh…` (the only Chinese one); `undefined` for English and for languages without one.
 */
export function dictionaryLanguage(locale: string | undefined): DictionaryLanguage | undefined {
  const language = /^([a-z]+)/i.exec(locale ?? '')?.[1]?.toLowerCase();
  return language === 'de' ? 'de' : language === 'zh' ? 'zh-CN' : undefined;
}

const loaded: Partial<Record<DictionaryLanguage, Dictionary>> = {};

/** A dictionary already loaded in this page, so a provider mounted later renders at once. */
export function loadedDictionary(language: DictionaryLanguage): Dictionary | undefined {
  return loaded[language];
}

/**
 * Loads a language's texts on demand: a host that never shows German never downloads them.
 * A failed load (a chunk gone after a deploy) falls back to English rather than to no text.
 */
export function loadDictionary(language: DictionaryLanguage): Promise<Dictionary> {
  return (language === 'de' ? import('./locales/de.js').then((module) => module.de) : import('./locales/zh-CN.js').then((module) => module.zhCN)).then(
    (texts) => (loaded[language] = texts),
    (error: unknown) => {
      console.warn(`[userlens] Could not load the ${language} texts; showing English.`, error);
      return enUS as unknown as Dictionary;
    },
  );
}
