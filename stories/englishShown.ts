import {
  budgetEnUS,
  enUS,
  feedbackEnUS,
  figureHelpEnUS,
  liveRefreshEnUS,
  loadProgressEnUS,
  metadataFilterEnUS,
  overviewEnUS,
  scoresTabEnUS,
  segmentsEnUS,
  tracesTabEnUS,
  userDetailEnUS,
  userExportEnUS,
} from '../src/index.ts';

/**
 * Every English text of every part, as the provider and the parts merge them: what a complete
 * dictionary translates key for key (test/i18n/dictionaries.test.ts), and what a story in another
 * language must not show.
 */
export const ENGLISH_TEXTS: Readonly<Record<string, string>> = {
  ...enUS,
  ...userDetailEnUS,
  ...figureHelpEnUS,
  ...tracesTabEnUS,
  ...userExportEnUS,
  ...overviewEnUS,
  ...budgetEnUS,
  ...segmentsEnUS,
  ...feedbackEnUS,
  ...metadataFilterEnUS,
  ...scoresTabEnUS,
  ...liveRefreshEnUS,
  ...loadProgressEnUS,
};

/** Every English text, cut at its placeholders into the phrases a reader would see (two words or more). */
const PHRASES = [
  ...new Set(
    Object.values(ENGLISH_TEXTS)
      .flatMap((text) => text.split(/\{\w+\}|\n/))
      .map((part) => part.trim().replace(/[.:…]$/, ''))
      .filter((part) => /[A-Za-z]{2,} [A-Za-z]{2,}/.test(part)),
  ),
];

/**
 * The English phrases shown on the page — in its text and in what a screen reader reads — for a
 * story in another language: each is a text the dictionary left untranslated, or one a part
 * wrote without the dictionary.
 */
export function englishShown(root: HTMLElement): string[] {
  const attributes = [...root.querySelectorAll('*')].flatMap((element) =>
    ['aria-label', 'aria-description', 'title', 'placeholder'].map((name) => element.getAttribute(name) ?? ''),
  );
  const shown = [root.innerText, ...attributes].join('\n');
  return PHRASES.filter((phrase) => shown.includes(phrase));
}
