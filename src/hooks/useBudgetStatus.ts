'use client';
import { useMemo } from 'react';
import type { ClientCapabilities, DateRange, TraceFilters, UsersQuery } from '../client/types.js';
import { useUserTrackingContext } from '../provider/UserTrackingProvider.js';
import type { UserListBudget } from './useUserListState.js';
import { useUsers } from './useUsers.js';

/** A user over a budget, with the figure the budget reads (over its window, if it has one). */
export interface BudgetBreach {
  userId: string;
  value: number;
}

export interface BudgetStatus {
  /** The figure of every user above the budget's near threshold (or its limit), by id. */
  byUser: ReadonlyMap<string, number>;
  /** The users over the limit, highest first. */
  over: readonly BudgetBreach[];
  /** More users are above the threshold than one request brings: `byUser` holds the highest ones. */
  truncated: boolean;
  /** Whether `byUser` is known yet (also while another budget's answer still shows). */
  isPending: boolean;
  error: Error | null;
  /** Asks again after an error. */
  retry: () => void;
}

/** Users read at most by one budget question. */
const BUDGET_ROWS = 1000;

/**
 * Whether a source can tell who is over a budget across all users: it lists the figure, and can
 * keep users by a band of it or rank them by it.
 */
export function budgetEvaluable(budget: Pick<UserListBudget, 'field'>, capabilities: ClientCapabilities): boolean {
  return (
    capabilities.listFigures.includes(budget.field) &&
    (capabilities.bandFields.includes(budget.field) || (capabilities.sortableFields as readonly string[]).includes(budget.field))
  );
}

/**
 * Who is over (or near) a budget across all users in a range — not only the page on screen:
 * one question, for the users above the threshold (a band where the source filters by the
 * figure, else the top of a ranking by it). `UserList` asks it for a budget with a `window`
 * and for `onBudgetExceeded`.
 *
 * @example
 * const { over } = useBudgetStatus({ field: 'totalCost', limit: 50 }, { range: { from: weekAgo } });
 */
export function useBudgetStatus(
  budget: UserListBudget | undefined,
  options: { range?: DateRange; filters?: TraceFilters; enabled?: boolean },
): BudgetStatus {
  const { client } = useUserTrackingContext('useBudgetStatus');
  const { capabilities } = client;
  const asked = Boolean(budget && (options.enabled ?? true) && budgetEvaluable(budget, capabilities));
  const threshold = budget ? budget.limit * Math.min(budget.nearAt ?? 1, 1) : 0;
  const field = budget?.field ?? 'totalCost';
  const limit = budget?.limit ?? 0;
  const query: UsersQuery = {
    ...(options.range ? { range: options.range } : {}),
    ...(options.filters ? { filters: options.filters } : {}),
    ...((capabilities.sortableFields as readonly string[]).includes(field) ? { sort: { field, direction: 'desc' as const } } : {}),
    pageSize: Math.min(capabilities.maxPageSize, BUDGET_ROWS),
    ...(capabilities.bandFields.includes(field) ? { bands: [{ field, gt: threshold }] } : {}),
  };
  const users = useUsers(query, { enabled: asked });
  // The previous budget's answer, kept on screen while this one loads, says nothing of this one.
  const current = users.isPlaceholderData ? undefined : users.data;
  const { refetch } = users;
  return useMemo(() => {
    const rows = (current?.items ?? []).flatMap((user) => {
      const value = user[field];
      return typeof value === 'number' && value > threshold ? [{ userId: user.userId, value }] : [];
    });
    return {
      byUser: new Map(rows.map((row) => [row.userId, row.value])),
      over: rows.filter((row) => row.value > limit),
      truncated: Boolean(current?.hasMore && rows.length === current.items.length),
      isPending: asked && !current && !users.isError,
      error: users.error,
      retry: () => void refetch(),
    };
  }, [current, users.isError, users.error, refetch, asked, field, threshold, limit]);
}
