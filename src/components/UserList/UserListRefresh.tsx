'use client';
import { Suspense, forwardRef, lazy, useId, useState, type ComponentPropsWithoutRef } from 'react';
import { formatLabel } from '../../i18n/en-US.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { LIVE_INTERVALS, liveInterval } from '../../hooks/useRefreshBudget.js';
import { useNowEvery } from '../shared/useNowEvery.js';
import { useUserListContext } from './UserListRoot.js';

/* -------------------------------------------------------------------------------------------
 * UserListRefresh
 * -----------------------------------------------------------------------------------------*/

const REFRESH_NAME = 'UserListRefresh';
// Only a source with a request budget says more: the others never download it.
const LiveBudget = lazy(() => import('./UserListLiveBudget.js'));

export type UserListRefreshProps = ComponentPropsWithoutRef<'span'>;

/**
 * Refreshes now, optionally every few seconds, and says how old the data is. Offers only the
 * intervals the source's request budgets allow for this list (and says why the shorter ones are
 * missing), and says until when live refresh waits after the source answered 429.
 *
 * @selector [data-part="user-list-refresh"] [data-fetching]
 */
export const UserListRefresh = forwardRef<HTMLSpanElement, UserListRefreshProps>((props, ref) => {
  const { client, format, labels } = useUserTrackingContext(REFRESH_NAME);
  const { refresh, users, refreshInterval, setRefreshInterval, refreshBudget } = useUserListContext(REFRESH_NAME);
  const id = useId();
  const now = useNowEvery(1000);
  // The age is measured on the provider's clock: when new data arrives, note that clock's time.
  const [updated, setUpdated] = useState({ at: users.dataUpdatedAt, clock: now });
  if (updated.at !== users.dataUpdatedAt) setUpdated({ at: users.dataUpdatedAt, clock: now });
  const updatedAt = users.dataUpdatedAt > 0 ? updated.clock : 0;
  const { minIntervalMs, limiting } = refreshBudget;
  const every = liveInterval(refreshInterval, minIntervalMs);
  const offered = LIVE_INTERVALS.filter((ms) => ms >= minIntervalMs);
  const why = Boolean(limiting && offered.length < LIVE_INTERVALS.length) && `${id}-why`;
  const pausedUntil = client.usage?.().pausedUntil;
  return (
    <span data-part="user-list-refresh" data-fetching={users.isFetching ? '' : undefined} {...props} ref={ref}>
      <button type="button" data-part="button" onClick={() => !users.isFetching && refresh()} aria-disabled={users.isFetching || undefined}>
        {users.isFetching ? labels.refreshing : labels.refreshLabel}
      </button>
      <label htmlFor={`${id}-live`} data-part="label">
        {labels.liveLabel}
      </label>
      <select
        id={`${id}-live`}
        value={every === false ? 'off' : String(every)}
        aria-describedby={why || undefined}
        onChange={(event) => setRefreshInterval(event.target.value === 'off' ? false : Number(event.target.value))}
      >
        <option value="off">{labels.liveOff}</option>
        {offered.map((ms) => (
          <option key={ms} value={ms}>
            {format.duration(ms)}
          </option>
        ))}
      </select>
      {client.usage && (
        <Suspense>
          <LiveBudget whyId={why} limiting={limiting} pausedUntil={(every && pausedUntil) || null} />
        </Suspense>
      )}
      {updatedAt > 0 && (
        <span data-part="user-list-updated">
          {formatLabel(labels.updatedAgo, { time: format.relative(now - wholeMinutes(now - updatedAt), now) })}
        </span>
      )}
    </span>
  );
});
UserListRefresh.displayName = REFRESH_NAME;

/** The age in whole minutes: "now" for the first minute, so the text does not change (and reflow the toolbar) every second. */
const wholeMinutes = (ms: number) => Math.max(0, Math.floor(ms / 60_000)) * 60_000;
