/**
 * The scores tab's own texts. Their own module so they load with the part that shows them
 * (`UserDetailScores`), not with the provider; override any of them through the provider's `labels`.
 */
export const scoresTabEnUS = {
  /** Under the scores where the source reads no scores on sessions (`capabilities.sessionScores`). */
  sessionScoresNotRead: 'Scores on this user’s sessions (not on a trace) are not read from this source; these are the scores on their traces.',
};

export type ScoresTabLabels = Record<keyof typeof scoresTabEnUS, string>;
