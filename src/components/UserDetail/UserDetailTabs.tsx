'use client';
import { forwardRef, useId, useRef, type ComponentPropsWithoutRef, type KeyboardEvent } from 'react';
import type { UserDetailTab } from '../../hooks/useUserDetailState.js';
import type { PageLabelKey } from '../../i18n/userDetail.js';
import { useUserDetailContext } from './UserDetailRoot.js';
import { UserDetailScoreChart } from './UserDetailScoreChart.js';
import { UserDetailScores } from './UserDetailScores.js';
import { UserDetailSessions } from './UserDetailSessions.js';
import { UserDetailTraces } from './UserDetailTraces.js';
import { useUserDetailTexts } from './useUserDetailTexts.js';

/* -------------------------------------------------------------------------------------------
 * UserDetailTabs
 * -----------------------------------------------------------------------------------------*/

const TABS_NAME = 'UserDetailTabs';
const TABS: readonly { value: UserDetailTab; label: PageLabelKey }[] = [
  { value: 'traces', label: 'tabTraces' },
  { value: 'sessions', label: 'tabSessions' },
  { value: 'scores', label: 'tabScores' },
];

export type UserDetailTabsProps = Omit<ComponentPropsWithoutRef<'div'>, 'defaultValue' | 'dir'>;

/**
 * Traces, sessions and scores of the user, as WAI-ARIA tabs: one tab stop, arrow keys (mirrored
 * right to left) and Home/End move between tabs and open them. The open tab is the root's `tab`;
 * only its panel has content, so only its rows are fetched. Each panel holds its part
 * (`UserDetailTraces`, `UserDetailSessions`, `UserDetailScoreChart` with `UserDetailScores`).
 *
 * Written by hand rather than with Radix Tabs: three fixed tabs need the pattern's forty lines,
 * and Radix's collection, roving focus and presence cost 9.4 kB gzip of every host's bundle.
 *
 * @example
 * <UserDetailRoot userId={id} tab={tab} onTabChange={setTab}><UserDetailTabs /></UserDetailRoot>
 *
 * @selector [data-part="user-detail-tabs"] [data-part="user-detail-tab-list"] [role="tab"][data-state="active|inactive"] [data-part="user-detail-tab"]
 */
export const UserDetailTabs = forwardRef<HTMLDivElement, UserDetailTabsProps>((props, ref) => {
  const { labels } = useUserDetailTexts(TABS_NAME);
  const { tab, setTab, user } = useUserDetailContext(TABS_NAME);
  const id = useId();
  const list = useRef<HTMLDivElement>(null);
  if (user.data === null || (user.isError && user.data === undefined)) return null;

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const at = TABS.findIndex((t) => t.value === tab);
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[event.key];
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : step === undefined ? -1 : (at + step + TABS.length) % TABS.length;
    if (next < 0) return;
    event.preventDefault();
    // Automatic activation: the focused tab opens.
    setTab(TABS[next]!.value);
    list.current?.querySelectorAll<HTMLElement>('[role="tab"]')[next]?.focus();
  }

  return (
    <div data-part="user-detail-tabs" {...props} ref={ref}>
      <div role="tablist" aria-label={labels.tabsLabel} aria-orientation="horizontal" data-part="user-detail-tab-list" ref={list} onKeyDown={onKeyDown}>
        {TABS.map(({ value, label }) => (
          <button
            key={value}
            type="button"
            role="tab"
            id={`${id}-${value}`}
            aria-selected={value === tab}
            aria-controls={`${id}-${value}-panel`}
            tabIndex={value === tab ? 0 : -1}
            data-state={value === tab ? 'active' : 'inactive'}
            onClick={() => setTab(value)}
          >
            {labels[label]}
          </button>
        ))}
      </div>
      {TABS.map(({ value }) => (
        <div
          key={value}
          role="tabpanel"
          id={`${id}-${value}-panel`}
          aria-labelledby={`${id}-${value}`}
          tabIndex={0}
          hidden={value !== tab}
          data-part="user-detail-tab"
          data-state={value === tab ? 'active' : 'inactive'}
        >
          {value !== tab ? null : value === 'traces' ? (
            <UserDetailTraces />
          ) : value === 'sessions' ? (
            <UserDetailSessions />
          ) : (
            <>
              <UserDetailScoreChart />
              <UserDetailScores />
            </>
          )}
        </div>
      ))}
    </div>
  );
});
UserDetailTabs.displayName = TABS_NAME;
