'use client';
import { forwardRef, useEffect, useId, useRef, useState, type ComponentPropsWithoutRef, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import type { UserFigure } from '../../client/types.js';
import { formatLabel, type LabelKey } from '../../i18n/en-US.js';
import { useUserTrackingContext } from '../../provider/UserTrackingProvider.js';
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
 * The user's figures over the range, each with a short explanation on hover, focus or press,
 * written from the figure definitions. A figure the source lacks reads "not available from this source".
 *
 * @example
 * <UserDetailRoot userId={id}><UserDetailStats /></UserDetailRoot>
 *
 * @selector [data-part="user-detail-stats"] [data-part="user-detail-stat"][data-wide] [data-part="user-detail-explain"][data-state="open|closed"] [data-part="tooltip"]
 */
export const UserDetailStats = forwardRef<HTMLDListElement, UserDetailStatsProps>((props, ref) => {
  const { client, format, labels } = useUserTrackingContext(STATS_NAME);
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
    <dl data-part="user-detail-stats" aria-busy={!stats || undefined} aria-label={labels.statsLabel} {...props} ref={ref}>
      {STATS.map((spec) => (
        <div key={spec.label} data-part="user-detail-stat" data-wide={spec.label === 'statActivePeriod' ? '' : undefined}>
          <StatTerm label={labels[spec.label]} about={formatLabel(labels.aboutFigure, { figure: labels[spec.label] })} explanation={labels[spec.explain]} />
          <dd>{value(spec)}</dd>
        </div>
      ))}
    </dl>
  );
});
UserDetailStats.displayName = STATS_NAME;

/* -----------------------------------------------------------------------------------------*/

interface StatTermProps {
  label: string;
  /** The info button's name, e.g. "About Traces". */
  about: string;
  explanation: string;
}

/**
 * A figure's name with an info button whose description is the figure's definition.
 *
 * Written by hand in place of Radix Tooltip, whose positioning engine (floating-ui) and layers
 * cost hosts about 16 kB gzip for eleven sentences. The definition is plain text, so it is the
 * button's description (`aria-describedby`, read from the `hidden` text) rather than a dialog to
 * open and close: a screen reader says it as the button is reached, with no extra keys, and a
 * sighted keyboard user sees it on focus. It shows while the pointer is over the name, the button
 * or the text itself, and on a press where there is no hover (touch); Escape, a press elsewhere
 * or focus leaving hides it (WCAG 1.4.13: dismissible, hoverable, persistent).
 */
function StatTerm({ label, about, explanation }: StatTermProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const term = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!term.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);
  // Hover is a mouse's: a touch enters and leaves around every tap.
  const hover = (show: boolean) => (event: ReactPointerEvent) => {
    if (event.pointerType === 'mouse') setOpen(show);
  };
  const state = open ? 'open' : 'closed';
  return (
    <dt ref={term} onPointerEnter={hover(true)} onPointerLeave={hover(false)}>
      {label}
      <button
        type="button"
        data-part="user-detail-explain"
        data-state={state}
        aria-label={about}
        aria-describedby={id}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onClick={() => setOpen(true)}
      >
        <InfoIcon />
      </button>
      <span data-part="tooltip" data-state={state} role="tooltip" id={id} hidden={!open}>
        {explanation}
      </span>
    </dt>
  );
}
