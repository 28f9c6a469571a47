'use client';
import * as Tooltip from '@radix-ui/react-tooltip';
import { forwardRef, type ComponentPropsWithoutRef, type ReactNode } from 'react';
import type { UserFigure } from '../../client/types.js';
import { formatLabel, type LabelKey } from '../../i18n/en-US.js';
import { useRootAttributes, useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
import { InfoIcon } from '../shared/icons.js';
import { NotAvailable, Skeleton, VisuallyHidden } from '../Status/Status.js';
import { useUserDetailContext } from './UserDetailRoot.js';

/* -------------------------------------------------------------------------------------------
 * UserDetailStats
 * -----------------------------------------------------------------------------------------*/

const STATS_NAME = 'UserDetailStats';

export type UserDetailStatsProps = ComponentPropsWithoutRef<'dl'>;

interface StatSpec {
  label: LabelKey;
  explain: LabelKey;
  figures: readonly UserFigure[];
}

const STATS: readonly StatSpec[] = [
  { label: 'statTraces', explain: 'explainTraces', figures: ['traceCount'] },
  { label: 'statObservations', explain: 'explainObservations', figures: ['observationCount'] },
  { label: 'statSessions', explain: 'explainSessions', figures: ['sessionCount'] },
  { label: 'statInputTokens', explain: 'explainInputTokens', figures: ['inputTokens'] },
  { label: 'statOutputTokens', explain: 'explainOutputTokens', figures: ['outputTokens'] },
  { label: 'statTotalTokens', explain: 'explainTotalTokens', figures: ['totalTokens'] },
  { label: 'statCost', explain: 'explainCost', figures: ['totalCost'] },
  { label: 'statErrors', explain: 'explainErrors', figures: ['errorCount', 'errorRate'] },
  { label: 'statLatencyP50', explain: 'explainLatencyP50', figures: ['latencyP50'] },
  { label: 'statLatencyP95', explain: 'explainLatencyP95', figures: ['latencyP95'] },
  { label: 'statActivePeriod', explain: 'explainActivePeriod', figures: ['firstEvent', 'lastEvent'] },
];

/**
 * The user's figures over the range, each with a short explanation on hover or focus, written
 * from the figure definitions. A figure the source lacks reads "not available from this source".
 *
 * @example
 * <UserDetailRoot userId={id}><UserDetailStats /></UserDetailRoot>
 *
 * @selector [data-part="user-detail-stats"] [data-part="user-detail-stat"][data-wide]
 */
export const UserDetailStats = forwardRef<HTMLDListElement, UserDetailStatsProps>((props, ref) => {
  const { client, format, labels } = useUserTrackingContext(STATS_NAME);
  const root = useRootAttributes(STATS_NAME);
  const { user } = useUserDetailContext(STATS_NAME);
  const stats = user.data;
  // A failed refresh keeps the figures on screen (the status part shows the error beside them).
  if (stats === null || (user.isError && stats === undefined)) return null;
  const value = (spec: StatSpec): ReactNode => {
    if (!stats) return <Skeleton width="60%" />;
    if (!spec.figures.every((figure) => client.capabilities.detailFigures.includes(figure))) return <NotAvailable />;
    switch (spec.label) {
      case 'statCost':
        return format.cost(stats.totalCost);
      case 'statErrors':
        return `${format.number(stats.errorCount)}${stats.errorRate === null ? '' : ` (${format.percent(stats.errorRate)})`}`;
      case 'statLatencyP50':
        return stats.latencyP50 === null ? labels.noValueShort : format.duration(stats.latencyP50);
      case 'statLatencyP95':
        return stats.latencyP95 === null ? labels.noValueShort : format.duration(stats.latencyP95);
      case 'statActivePeriod':
        if (stats.firstEvent === null || stats.lastEvent === null) return labels.noValueShort;
        return formatLabel(labels.periodRange, {
          from: format.dateTime(stats.firstEvent),
          to: format.dateTime(stats.lastEvent),
          duration: format.duration(Date.parse(stats.lastEvent) - Date.parse(stats.firstEvent)),
        });
      case 'statInputTokens':
      case 'statOutputTokens':
      case 'statTotalTokens': {
        // Compact on screen, exact for screen readers and on hover.
        const n = stats[spec.figures[0] as 'inputTokens'];
        return (
          <span title={format.number(n)}>
            <span aria-hidden>{format.compact(n)}</span>
            <VisuallyHidden>{format.number(n)}</VisuallyHidden>
          </span>
        );
      }
      default:
        return format.number(stats[spec.figures[0] as 'traceCount']);
    }
  };
  return (
    <Tooltip.Provider delayDuration={200}>
      <dl data-part="user-detail-stats" aria-busy={!stats || undefined} aria-label={labels.statsLabel} {...props} ref={ref}>
        {STATS.map((spec) => (
          <div key={spec.label} data-part="user-detail-stat" data-wide={spec.label === 'statActivePeriod' ? '' : undefined}>
            <dt>
              {labels[spec.label]}
              <Tooltip.Root>
                <Tooltip.Trigger data-part="user-detail-explain" aria-label={formatLabel(labels.aboutFigure, { figure: labels[spec.label] })}>
                  <InfoIcon />
                </Tooltip.Trigger>
                <Tooltip.Portal>
                  <Tooltip.Content {...root} data-part="tooltip" sideOffset={4}>
                    {labels[spec.explain]}
                  </Tooltip.Content>
                </Tooltip.Portal>
              </Tooltip.Root>
            </dt>
            <dd>{value(spec)}</dd>
          </div>
        ))}
      </dl>
    </Tooltip.Provider>
  );
});
UserDetailStats.displayName = STATS_NAME;
