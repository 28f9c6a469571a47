'use client';
import { forwardRef, lazy, Suspense, useEffect, useId, useState, type ComponentPropsWithoutRef } from 'react';
import type { ObservationLevel } from '../../client/types.js';
import type { TraceRow } from '../../client/types.js';
import { formatLabel } from '../../i18n/en-US.js';
import { tracesTabText } from '../../i18n/tracesTab.js';
import { HistoryTable } from './HistoryTable.js';
import { Skeleton } from '../Status/Status.js';
import { TRACE_COLUMNS } from './traceColumns.js';
import { useUserDetailContext } from './UserDetailRoot.js';
import { useUserDetailTexts } from './useUserDetailTexts.js';

/* -------------------------------------------------------------------------------------------
 * UserDetailTraces
 * -----------------------------------------------------------------------------------------*/

const TRACES_NAME = 'UserDetailTraces';
const TraceTimeline = lazy(() => import('./TraceTimeline.js'));

export type UserDetailTracesProps = ComponentPropsWithoutRef<'div'>;

/**
 * The user's traces in the range, a page at a time: time, name (linked to the host's trace
 * viewer), input and output as text, level, latency, tokens, cost, tags and scores. Headers sort
 * (the sort and page are the root's `tracesTable`); the rows are asked for while the traces tab
 * is open. Where the source has timelines (`capabilities.observations`), a trace opens its steps
 * in a row under it: start, span, type, model, level, tokens, cost and why a step failed.
 *
 * @example
 * <UserDetailRoot userId={id} getTraceHref={(t) => `/traces/${t}`}><UserDetailTraces /></UserDetailRoot>
 *
 * @selector [data-part="user-detail-traces"] [data-stale]
 */
export const UserDetailTraces = forwardRef<HTMLDivElement, UserDetailTracesProps>((props, ref) => {
  const { client, format, labels } = useUserDetailTexts(TRACES_NAME);
  const { userId, queryRange, user, traces, tracesTable, setTracesTable, tracesFilter, setTracesFilter, pageSize, getTraceHref, getSessionHref } = useUserDetailContext(TRACES_NAME);
  // Typing is followed once it pauses, as in the list; a search set by the host shows at once.
  const [search, setSearch] = useState(tracesFilter.search ?? '');
  const [typed, setTyped] = useState(tracesFilter.search ?? '');
  if ((tracesFilter.search ?? '') !== typed && search === typed) {
    setTyped(tracesFilter.search ?? '');
    setSearch(tracesFilter.search ?? '');
  }
  useEffect(() => {
    if (search === typed) return;
    const timer = setTimeout(() => {
      setTyped(search);
      setTracesFilter({ ...tracesFilter, search });
    }, 300);
    return () => clearTimeout(timer);
  }, [search, typed, tracesFilter, setTracesFilter]);
  const levels = tracesFilter.levels?.join(',') ?? '';
  const tag = tracesFilter.tags?.[0] ?? '';
  // The user's own tags in the range, from their figures (no request more); a tag the host set stays offered.
  const tags = user.data?.tags ?? [];
  const narrowed = Boolean(tracesFilter.search?.trim() || levels || tag);
  // One trace open at a time: its steps are the question being asked.
  const [open, setOpen] = useState<string | null>(null);
  const panelId = useId();
  const steps = client.capabilities.observations ? { open, toggle: (id: string) => setOpen(open === id ? null : id), panelId } : undefined;
  return (
    <div data-part="user-detail-traces" data-stale={traces.isPlaceholderData ? '' : undefined} {...props} ref={ref}>
      <div data-part="user-detail-section-header">
        <input
          type="search"
          aria-label={tracesTabText(labels, 'searchTraces')}
          placeholder={tracesTabText(labels, 'searchTracesPlaceholder')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <label data-part="label">
          {tracesTabText(labels, 'traceLevelFilter')}{' '}
          <select
            value={levels}
            onChange={(event) => setTracesFilter({ ...tracesFilter, levels: event.target.value ? (event.target.value.split(',') as ObservationLevel[]) : [] })}
          >
            <option value="">{tracesTabText(labels, 'levelsAll')}</option>
            <option value="WARNING,ERROR">{tracesTabText(labels, 'levelsWarnings')}</option>
            <option value="ERROR">{tracesTabText(labels, 'levelsErrors')}</option>
          </select>
        </label>
        {(tags.length > 0 || tag) && (
          <label data-part="label">
            {tracesTabText(labels, 'traceTagFilter')}{' '}
            <select value={tag} onChange={(event) => setTracesFilter({ ...tracesFilter, tags: event.target.value ? [event.target.value] : [] })}>
              <option value="">{tracesTabText(labels, 'tagsAll')}</option>
              {tag && !tags.some((t) => t.tag === tag) && <option value={tag}>{tag}</option>}
              {tags.map((t) => (
                <option key={t.tag} value={t.tag}>
                  {formatLabel(tracesTabText(labels, 'tagOption'), { tag: t.tag, count: format.number(t.traceCount) })}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <HistoryTable
        result={traces}
        columns={TRACE_COLUMNS}
        state={tracesTable}
        onStateChange={setTracesTable}
        pageSize={pageSize}
        getRowId={traceId}
        meta={{ labels, format, getTraceHref, getSessionHref, ...(steps && { steps }) }}
        subject={labels.subjectTraces}
        empty={narrowed ? tracesTabText(labels, 'noTracesMatch') : labels.noTraces}
        renderAfterRow={(trace, columnCount) =>
          trace.id === open && steps ? (
            <tr data-part="user-detail-trace-steps">
              <td colSpan={columnCount} id={panelId}>
                <Suspense fallback={<Skeleton width="60%" />}>
                  <TraceTimeline userId={userId} traceId={trace.id} range={queryRange} title={`${trace.name ?? trace.id}, ${format.dateTime(trace.timestamp)}`} />
                </Suspense>
              </td>
            </tr>
          ) : null
        }
      />
    </div>
  );
});
UserDetailTraces.displayName = TRACES_NAME;

const traceId = (trace: TraceRow) => trace.id;
