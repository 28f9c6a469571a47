'use client';
import { hasTraceFilters } from '../../client/hasTraceFilters.js';
import { useControllableState } from '../../hooks/useControllableState.js';
import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { profileSegments, profileSegmentsAvailable } from '../../client/profileSegments.js';
import { retryPassing, userTrackingQueries } from '../../hooks/queries.js';
import { forwardRef, useMemo, useState } from 'react';
import type { Segment, SegmentDimension, SortSpec, TraceFilters } from '../../client/types.js';
import { rangeKey, resolveRange, type RangeValue } from '../../format/dateRangePresets.js';
import { useUserSegments } from '../../hooks/useUserSegments.js';
import { formatLabel } from '../../i18n/en-US.js';
import { segmentsEnUS } from '../../i18n/segments.js';
import { useAnchor } from '../../hooks/useAnchor.js';
import { useRootAttributes, useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { DateRangePicker } from '../shared/DateRangePicker.js';
import { ErrorState, NotAvailable, Skeleton } from '../Status/Status.js';
import { SortHeader } from '../table/SortHeader.js';
import { nextSort } from '../table/nextSort.js';
import type { UserSegmentsDimension, UserSegmentsProps } from './UserSegments.js';

type Column = Exclude<keyof Segment, 'value'> | 'value';
const NO_KEYS: readonly string[] = [];
const FIGURES: readonly (readonly [Column, 'count' | 'tokens' | 'cost' | 'percent' | 'score'])[] = [
  ['userCount', 'count'],
  ['traceCount', 'count'],
  ['totalTokens', 'tokens'],
  ['totalCost', 'cost'],
  ['costPerUser', 'cost'],
  ['errorRate', 'percent'],
  ['feedback', 'score'],
];
const HEADERS = {
  userCount: 'segmentsUsers',
  traceCount: 'segmentsTraces',
  totalTokens: 'segmentsTokens',
  totalCost: 'segmentsCost',
  costPerUser: 'segmentsCostPerUser',
  errorRate: 'segmentsErrorRate',
} as const;

/** The segments themselves, loaded by `UserSegments` on first render. */
const UserSegmentsView = forwardRef<HTMLElement, UserSegmentsProps>((props, ref) => {
  const {
    dimension: dimensionProp,
    defaultDimension = 'environment',
    onDimensionChange,
    prefix = '',
    metadataKeys = NO_KEYS,
    range: rangeProp,
    defaultRange,
    onRangeChange,
    filters,
    scoreName,
    getSegmentHref,
    onSelectSegment,
    ...sectionProps
  } = props;
  const { client, queryClient, format, labels: hostLabels, now, defaultRange: providerRange, getUserProfiles, profileFields } = useUserTrackingContext('UserSegments');
  const root = useRootAttributes('UserSegments');
  // The host's overrides first, then this part's English.
  const labels = { ...segmentsEnUS, ...hostLabels };
  const [dimension, setDimension] = useControllableState<UserSegmentsDimension>({ prop: dimensionProp, defaultProp: defaultDimension, onChange: onDimensionChange });
  const [range, setRange] = useControllableState<RangeValue>({ prop: rangeProp, defaultProp: defaultRange ?? providerRange, onChange: onRangeChange });
  // Relative ranges resolve against the instant they were picked, as the list's do.
  const [anchor] = useAnchor(rangeKey(range), now);
  const [sort, setSort] = useState<SortSpec<Column>>({ field: 'totalCost', direction: 'desc' });
  const queryRange = useMemo(() => resolveRange(range, anchor), [range, anchor]);
  const kinds = client.capabilities.segments ?? [];
  // What the picker offers: the source's dimensions, metadata as one per key the host names
  // (and the one shown, if the host set another).
  const dimensions: UserSegmentsDimension[] = kinds.flatMap((kind) =>
    kind === 'metadata' ? [...new Set([...metadataKeys, ...(dimension.startsWith('metadata.') ? [dimension.slice(9)] : [])])].map((key) => `metadata.${key}` as const) : [kind],
  );
  // The host's profile fields, where its records can meet every user's figures.
  if (getUserProfiles && profileSegmentsAvailable(client)) dimensions.push(...profileFields.map(({ field }) => `profile.${field}` as const));
  const profileField = dimension.startsWith('profile.') ? dimension.slice(8) : null;
  const dimensionName = (d: UserSegmentsDimension) =>
    d === 'environment'
      ? labels.segmentsByEnvironment
      : d === 'tags'
        ? labels.segmentsByTags
        : d === 'release'
          ? labels.segmentsByRelease
          : d.startsWith('profile.')
            ? (profileFields.find(({ field }) => field === d.slice(8))?.label ?? d.slice(8))
            : formatLabel(labels.segmentsByMetadata, { key: d.slice(9) });
  const profileQuery = {
    field: profileField ?? '',
    ...(Object.keys(queryRange).length ? { range: queryRange } : {}),
    ...(hasTraceFilters(filters) ? { filters } : {}),
    ...(scoreName ? { scoreName } : {}),
  };
  const byProfile = useQuery(
    {
      queryKey: [...userTrackingQueries.scope(client), 'profileSegments', profileQuery],
      queryFn: profileField !== null && getUserProfiles && dimensions.includes(dimension) ? ({ signal }) => profileSegments(client, getUserProfiles, profileQuery, { signal }) : skipToken,
      retry: retryPassing,
      placeholderData: keepPreviousData,
    },
    queryClient,
  );
  const bySource = useUserSegments({
    dimension: dimension as SegmentDimension,
    ...(dimension === 'tags' && prefix ? { prefix } : {}),
    ...(Object.keys(queryRange).length ? { range: queryRange } : {}),
    ...(hasTraceFilters(filters) ? { filters } : {}),
    ...(scoreName ? { scoreName } : {}),
  });
  const result = profileField === null ? bySource : byProfile;
  // A small table: sorted here, figures of unknown value last whichever the direction.
  const rows = useMemo(() => {
    const list = [...(result.data?.segments ?? [])];
    const key = (s: Segment) => s[sort.field];
    return list.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      const order = typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number);
      return sort.direction === 'asc' ? order : -order;
    });
  }, [result.data, sort]);
  // Figures the source cannot count read "not available" and do not sort.
  const unavailable = new Set<Column>(result.data?.unavailable ?? []);
  const show = (segment: Segment, [field, kind]: (typeof FIGURES)[number]) => {
    const value = segment[field] as number | null;
    if (value === null) return field === 'feedback' && !unavailable.has(field) ? labels.noValueShort : <NotAvailable />;
    return kind === 'cost' ? format.cost(value) : kind === 'percent' ? format.percent(value) : kind === 'tokens' ? format.compact(value) : kind === 'score' ? format.number(Math.round(value * 100) / 100) : format.number(value);
  };
  // The rows' own grouping: while another loads, the rows shown are still the previous one's.
  const shown = result.data?.dimension ?? dimension;
  const filtersOf = (segment: Segment): TraceFilters =>
    shown === 'environment'
      ? { ...filters, environments: [segment.value!] }
      : shown === 'tags'
        ? { ...filters, tags: [...(filters?.tags ?? []), segment.value!] }
        : shown === 'release'
          ? { ...filters, releases: [segment.value!] }
          : { ...filters, metadata: { ...filters?.metadata, [shown.slice(9)]: segment.value! } };
  const header = (field: Column, text: string, numeric: boolean) => (
    <SortHeader
      key={field}
      partPrefix="user-detail"
      sortable={!unavailable.has(field)}
      numeric={numeric}
      direction={sort.field === field ? sort.direction : null}
      onSort={() => setSort(nextSort(sort, { field, kind: field === 'value' ? 'text' : 'number' }) as SortSpec<Column>)}
    >
      {text}
    </SortHeader>
  );

  return (
    <section {...root} data-part="user-segments" aria-label={labels.segmentsTitle} {...sectionProps} ref={ref}>
      <header data-part="user-detail-section-header">
        <h2>{labels.segmentsTitle}</h2>
        {dimensions.length > 1 && (
          <label data-part="label">
            {labels.segmentsBy}{' '}
            <select value={dimension} onChange={(event) => setDimension(event.target.value as SegmentDimension)}>
              {dimensions.map((d) => (
                <option key={d} value={d}>
                  {dimensionName(d)}
                </option>
              ))}
            </select>
          </label>
        )}
        <DateRangePicker value={range} onValueChange={setRange} />
      </header>
      {!dimensions.includes(dimension) ? (
        <p>{labels.notAvailable}</p>
      ) : result.isError ? (
        <ErrorState error={result.error} subject={labels.segmentsSubject} onRetry={() => void result.refetch()} retrying={result.isFetching} />
      ) : !result.data ? (
        <Skeleton width="100%" style={{ height: 160 }} />
      ) : rows.length === 0 ? (
        <p>{labels.segmentsEmpty}</p>
      ) : (
        <div
          data-part="user-detail-scroll"
          role="region"
          // Named apart from the section: "Segments (Tag)".
          aria-label={`${labels.segmentsTitle} (${dimensionName(shown)})`}
          data-stale={result.isPlaceholderData ? '' : undefined}
          aria-busy={result.isFetching || undefined}
          tabIndex={0}
          style={{ minWidth: 0 }}
        >
          <table data-part="user-segments-table" aria-label={labels.segmentsTitle}>
            <thead>
              <tr>
                {header('value', labels.segmentsValue, false)}
                {FIGURES.map(([field]) =>
                  header(field, field === 'feedback' ? (scoreName ? formatLabel(labels.segmentsFeedback, { score: scoreName }) : labels.segmentsFeedbackNone) : labels[HEADERS[field as keyof typeof HEADERS]], true),
                )}
              </tr>
            </thead>
            <tbody>
              {rows.map((segment) => {
                // An empty value (metadata `""`) still needs a name to read and to click.
                const name = segment.value === '' ? '""' : (segment.value ?? (shown === 'tags' ? labels.segmentsNone : labels.segmentsNoValue));
                const open = formatLabel(labels.segmentsOpen, { segment: name });
                return (
                  <tr key={segment.value ?? '\u0000none'}>
                    <th scope="row">
                      {/* A segment without a tag (or metadata value) has no filter that keeps it: plain text. */}
                      {/* Nor does a group of the host's records: the list filters traces, not people. */}
                      {segment.value === null || shown.startsWith('profile.') ? (
                        name
                      ) : getSegmentHref ? (
                        <a
                          href={getSegmentHref(filtersOf(segment))}
                          title={open}
                          onClick={
                            onSelectSegment &&
                            ((event) => {
                              // The host's router opens it; modified clicks keep the browser's meaning.
                              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                              event.preventDefault();
                              onSelectSegment(filtersOf(segment));
                            })
                          }
                        >
                          <bdi>{name}</bdi>
                        </a>
                      ) : onSelectSegment ? (
                        <button type="button" data-part="user-list-user-link" title={open} onClick={() => onSelectSegment(filtersOf(segment))}>
                          <bdi>{name}</bdi>
                        </button>
                      ) : (
                        <bdi>{name}</bdi>
                      )}
                    </th>
                    {FIGURES.map((figure) => (
                      <td key={figure[0]} data-numeric="">
                        {show(segment, figure)}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
});
UserSegmentsView.displayName = 'UserSegmentsView';
export default UserSegmentsView;
