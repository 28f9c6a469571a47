/**
 * The texts of sorting the list by one score's mean. Their own module so they load with the
 * list's table, not with the provider; override any of them through the provider's `labels`.
 */
export const feedbackEnUS = {
  feedbackSortBy: 'Sort users by the mean of a score',
  feedbackSortPlaceholder: 'Sort by…',
};

export type FeedbackLabels = Record<keyof typeof feedbackEnUS, string>;
