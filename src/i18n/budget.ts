/**
 * The texts of budgets that warn: over a window, and near the limit. Their own module so they
 * load with the list's cells, not with the provider; override any of them through the
 * provider's `labels`.
 */
export const budgetEnUS = {
  overBudgetWindow: 'Over budget ({window}): {value} exceeds {limit}',
  nearBudget: 'Near budget: {value} of {limit}',
  nearBudgetWindow: 'Near budget ({window}): {value} of {limit}',
};

export type BudgetLabels = Record<keyof typeof budgetEnUS, string>;
