'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { renderLabel } from '../../i18n/en-US.js';
import { ErrorState } from '../Status/Status.js';
import { LoadProgress } from '../shared/LoadProgress.js';
import { useUserDetailContext } from './UserDetailRoot.js';
import { useUserDetailTexts } from './useUserDetailTexts.js';

/* -------------------------------------------------------------------------------------------
 * UserDetailStatus
 * -----------------------------------------------------------------------------------------*/

const STATUS_NAME = 'UserDetailStatus';

export type UserDetailStatusProps = ComponentPropsWithoutRef<'div'>;

/**
 * The page's states beside the figures: the user does not exist (with the way back), has no
 * activity in the range (with a shortcut to all time), or could not be loaded (with a retry).
 * While the user loads from a client still building its data, how far it has got; else nothing
 * while the user loads or has figures to show.
 *
 * @example
 * <UserDetailRoot userId={id} listHref="/users"><UserDetailStatus /></UserDetailRoot>
 *
 * @selector [data-part="user-detail-status"] [data-kind="not-found|no-activity"] [data-part="error-state"]
 */
export const UserDetailStatus = forwardRef<HTMLDivElement, UserDetailStatusProps>((props, ref) => {
  const { labels } = useUserDetailTexts(STATUS_NAME);
  const { user, userId, listHref, onBack, range, setRange } = useUserDetailContext(STATUS_NAME);
  if (user.isError) {
    return <ErrorState error={user.error} subject={labels.subjectUser} onRetry={() => void user.refetch()} retrying={user.isFetching} {...props} ref={ref} />;
  }
  if (user.data === null) {
    return (
      <div data-part="user-detail-status" data-kind="not-found" {...props} ref={ref}>
        <h3>{labels.noSuchUserTitle}</h3>
        <p>{renderLabel(labels.noSuchUserBody, { userId: <bdi key="id">{userId}</bdi> })}</p>
        {listHref ? (
          <a href={listHref}>{labels.backToUsers}</a>
        ) : onBack ? (
          <button type="button" data-part="button" onClick={onBack}>
            {labels.backToUsers}
          </button>
        ) : null}
      </div>
    );
  }
  if (user.data && user.data.traceCount === 0 && !user.isPlaceholderData) {
    return (
      <div data-part="user-detail-status" data-kind="no-activity" {...props} ref={ref}>
        <h3>{labels.noActivityTitle}</h3>
        <p>{labels.noActivityBody}</p>
        {range.preset !== 'all' && (
          <button
            type="button"
            data-part="button"
            onClick={(event) => {
              setRange({ preset: 'all' });
              // This state goes away with the range: keep focus on the range picker.
              event.currentTarget.closest('[data-part="user-detail"]')?.querySelector<HTMLElement>('[data-part="date-range"] select')?.focus();
            }}
          >
            {labels.showAllTime}
          </button>
        )}
      </div>
    );
  }
  return user.isPending ? <LoadProgress /> : null;
});
UserDetailStatus.displayName = STATUS_NAME;
