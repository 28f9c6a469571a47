'use client';
import { forwardRef, type ComponentPropsWithoutRef } from 'react';
import { profileName, profileOf } from '../../client/profiles.js';
import { CopyButton } from '../shared/CopyButton.js';
import { DateRangePicker } from '../shared/DateRangePicker.js';
import { UserDetailExport } from './UserDetailExport.js';
import { useUserDetailContext } from './UserDetailRoot.js';
import { useUserDetailTexts } from './useUserDetailTexts.js';

/* -------------------------------------------------------------------------------------------
 * UserDetailHeader
 * -----------------------------------------------------------------------------------------*/

const HEADER_NAME = 'UserDetailHeader';

export type UserDetailHeaderProps = ComponentPropsWithoutRef<'header'>;

/**
 * The user (their name from the host's records when there is one, and the id verbatim, with
 * copy), back to the list, previous / next user, the date range
 * and a refresh.
 *
 * @example
 * <UserDetailRoot userId={id} listHref="/users"><UserDetailHeader /></UserDetailRoot>
 *
 * @selector [data-part="user-detail-header"] [data-part="user-detail-nav"] [data-part="user-detail-controls"]
 */
export const UserDetailHeader = forwardRef<HTMLElement, UserDetailHeaderProps>((props, ref) => {
  const { labels } = useUserDetailTexts(HEADER_NAME);
  const { userId, listHref, onBack, previousUserId, nextUserId, getUserHref, onSelectUser, range, setRange, refresh, user, profiles, queryFilters, setFilters } =
    useUserDetailContext(HEADER_NAME);
  const name = profileName(profileOf(profiles.data, userId));
  const step = (target: string | null, label: string, glyph: string) => {
    if (target === null) {
      // Kept focusable (aria-disabled), so stepping to the last user does not drop focus.
      return (
        <button type="button" data-part="button" aria-label={label} aria-disabled>
          <span aria-hidden>{glyph}</span>
        </button>
      );
    }
    return getUserHref ? (
      <a data-part="button" href={getUserHref(target)} aria-label={label} title={target}>
        <span aria-hidden>{glyph}</span>
      </a>
    ) : (
      <button type="button" data-part="button" aria-label={label} title={target} onClick={() => onSelectUser?.(target)} aria-disabled={!onSelectUser || undefined}>
        <span aria-hidden>{glyph}</span>
      </button>
    );
  };
  return (
    <header data-part="user-detail-header" {...props} ref={ref}>
      <nav data-part="user-detail-nav" aria-label={labels.userListLabel}>
        {listHref ? (
          <a href={listHref} data-part="user-detail-back">
            <span aria-hidden>← </span>
            {labels.backToUsers}
          </a>
        ) : onBack ? (
          <button type="button" data-part="user-detail-back" onClick={onBack}>
            <span aria-hidden>← </span>
            {labels.backToUsers}
          </button>
        ) : null}
        {step(previousUserId, labels.previousUser, '‹')}
        {step(nextUserId, labels.nextUser, '›')}
      </nav>
      <div data-part="user-detail-title">
        {/* The heading names the user alone; the copy button sits beside it, not in it. With a
            name from the host's records, the name is the heading and the id its subtitle. */}
        {name ? (
          <hgroup data-part="user-detail-person">
            <h2 data-part="user-detail-user-name" title={name}>
              <bdi>{name}</bdi>
            </h2>
            <p data-part="user-detail-user-id" title={userId}>
              <bdi>{userId}</bdi>
            </p>
          </hgroup>
        ) : (
          <h2 data-part="user-detail-user-id" title={userId}>
            <bdi>{userId}</bdi>
          </h2>
        )}
        <CopyButton text={userId} labels={labels} />
      </div>
      {queryFilters && (
        // The list's filters, carried over: every figure below counts only these traces.
        <div data-part="user-detail-filters">
          {[
            queryFilters.environments?.length && `${labels.environmentsLabel}: ${queryFilters.environments.join(', ')}`,
            queryFilters.tags?.length && `${labels.tagsLabel}: ${queryFilters.tags.join(', ')}`,
            // Releases and metadata read as their fields do: `release = v2.14.0`, `plan = pro`.
            queryFilters.releases?.length && `release = ${queryFilters.releases.join(', ')}`,
            ...Object.entries(queryFilters.metadata ?? {}).map(([key, value]) => `${key} = ${value}`),
          ]
            .filter(Boolean)
            .join(' · ')}{' '}
          <button
            type="button"
            data-part="button"
            onClick={(event) => {
              // The button goes with the filters: focus moves to the range, not to the page.
              event.currentTarget.closest('header')?.querySelector<HTMLElement>('[data-part="user-detail-controls"] select')?.focus();
              setFilters({});
            }}
          >
            {labels.clearFilters}
          </button>
        </div>
      )}
      <div data-part="user-detail-controls">
        <DateRangePicker value={range} onValueChange={setRange} />
        <button type="button" data-part="button" onClick={() => !user.isFetching && refresh()} aria-disabled={user.isFetching || undefined}>
          {user.isFetching && !user.isPending ? labels.refreshing : labels.refreshLabel}
        </button>
        <UserDetailExport />
      </div>
    </header>
  );
});
UserDetailHeader.displayName = HEADER_NAME;
