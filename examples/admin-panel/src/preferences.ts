import { useEffect, useState } from 'react';
import { LOCALES, type Locale } from './hostTexts.ts';

export type ThemeName = 'light' | 'dark';

function stored<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const value = localStorage.getItem(key);
    return allowed.includes(value as T) ? (value as T) : fallback;
  } catch {
    return fallback;
  }
}

/** The admin's theme and language: kept across visits, and set on <html> for the host's own CSS and screen readers. */
export function usePreferences() {
  const [theme, setTheme] = useState<ThemeName>(() => stored('example-theme', ['light', 'dark'], matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'));
  const [locale, setLocale] = useState<Locale>(() => stored('example-locale', LOCALES, 'en-US'));
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.lang = locale;
    try {
      localStorage.setItem('example-theme', theme);
      localStorage.setItem('example-locale', locale);
    } catch {
      // Private mode: the choice holds for this visit.
    }
  }, [theme, locale]);
  return { theme, setTheme, locale, setLocale };
}
