'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { useUserListContext } from './UserListRoot.js';

/* -------------------------------------------------------------------------------------------
 * UserListBudgetToggle
 * -----------------------------------------------------------------------------------------*/

const BUDGET_TOGGLE_NAME = 'UserListBudgetToggle';

export type UserListBudgetToggleProps = ComponentPropsWithoutRef<'label'>;

/**
 * "Only over budget", for a list with a `budget` on a source that filters by it; renders
 * nothing elsewhere.
 *
 * @selector [data-part="user-list-budget-toggle"]
 */
export const UserListBudgetToggle = forwardRef<HTMLLabelElement, UserListBudgetToggleProps>((props, ref) => {
  const { labels } = useUserTrackingContext(BUDGET_TOGGLE_NAME);
  const { budgetFilterable, overBudgetOnly, setOverBudgetOnly } = useUserListContext(BUDGET_TOGGLE_NAME);
  if (!budgetFilterable) return null;
  return (
    <label data-part="user-list-budget-toggle" {...props} ref={ref}>
      <input type="checkbox" checked={overBudgetOnly} onChange={(event) => setOverBudgetOnly(event.target.checked)} />
      {labels.overBudgetOnly}
    </label>
  );
});
UserListBudgetToggle.displayName = BUDGET_TOGGLE_NAME;
