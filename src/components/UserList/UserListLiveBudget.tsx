'use client';
import { formatLabel } from '../../i18n/en-US.js';
import { liveRefreshEnUS } from '../../i18n/liveRefresh.js';
import type { RefreshBudget } from '../../hooks/useRefreshBudget.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';

/**
 * What live refresh says on a source with a request budget (loaded only for such a source): why
 * shorter intervals are missing (`whyId` names it for the menu's description), and until when it
 * waits after a 429.
 */
export default function UserListLiveBudget({ whyId, limiting, pausedUntil }: { whyId: string | false; limiting: RefreshBudget['limiting']; pausedUntil: number | null }) {
  const { format, labels } = useUserTrackingContext('UserListRefresh');
  const texts = { ...liveRefreshEnUS, ...labels };
  return (
    <>
      {whyId && limiting && (
        <span id={whyId} data-part="user-list-live-limited">
          {formatLabel(texts.liveLimited, {
            cost: format.number(limiting.cost),
            limit: format.number(limiting.limit),
            // Langfuse's two budgets by their names in the texts' language; another source's as it names them.
            name: limiting.name === 'metrics' ? texts.liveBudgetMetrics : limiting.name === 'api' ? texts.liveBudgetApi : limiting.name,
            window: format.duration(limiting.windowMs),
          })}
        </span>
      )}
      {/* Mounted empty beforehand, so screen readers announce the pause when it comes. */}
      <span data-part="user-list-live-paused" role="status">
        {pausedUntil !== null && formatLabel(texts.livePaused, { time: format.dateTime(pausedUntil) })}
      </span>
    </>
  );
}
