'use client';
import {
  forwardRef,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type HTMLAttributes,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  type ReactNode,
} from 'react';
import type { UserFigure } from '../../client/types.js';
import { formatLabel, } from '../../i18n/en-US.js';
import type { PageLabelKey } from '../../i18n/userDetail.js';
import { figureHelpEnUS, type FigureHelpKey } from '../../i18n/figureHelp.js';
import { AlertIcon, InfoIcon } from '../shared/icons.js';
import { NotAvailable, Skeleton, VisuallyHidden } from '../Status/Status.js';
import { useUserDetailContext } from './UserDetailRoot.js';
import { useUserDetailTexts } from './useUserDetailTexts.js';

/* -------------------------------------------------------------------------------------------
 * UserDetailStats
 * -----------------------------------------------------------------------------------------*/

const STATS_NAME = 'UserDetailStats';

export type UserDetailStatsProps = ComponentPropsWithoutRef<'dl'>;

interface StatSpec {
  label: PageLabelKey;
  explain: FigureHelpKey;
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
 * The user's figures over the range, each with help on hover, focus, click or tap: what it is in
 * an admin's words, then its exact definition. Errors above zero show in the danger colour. A
 * figure the source lacks reads "not available from this source".
 *
 * @example
 * <UserDetailRoot userId={id}><UserDetailStats /></UserDetailRoot>
 *
 * @selector [data-part="user-detail-stats"] [data-part="user-detail-stat"][data-wide] [data-part="user-detail-explain"][data-state="open|closed"] [data-part="tooltip"] [data-part="tooltip-definition"] [data-danger]
 */
export const UserDetailStats = forwardRef<HTMLDListElement, UserDetailStatsProps>((props, ref) => {
  const { client, format, labels } = useUserDetailTexts(STATS_NAME);
  const { user } = useUserDetailContext(STATS_NAME);
  const stats = user.data;
  const help = useFigureHelp(STATS.length);
  // A failed refresh keeps the figures on screen (the status part shows the error beside them).
  if (stats === null || (user.isError && stats === undefined)) return null;
  const value = (spec: StatSpec): ReactNode => {
    if (!stats) return <Skeleton width="60%" />;
    // Not on this source, or not in this answer (a heavy user's sessions on Langfuse).
    if (!spec.figures.every((figure) => client.capabilities.detailFigures.includes(figure) && !stats.unavailable?.includes(figure))) return <NotAvailable />;
    switch (spec.label) {
      case 'statCost':
        return format.cost(stats.totalCost);
      case 'statErrors': {
        const text = `${format.number(stats.errorCount)}${stats.errorRate === null ? '' : ` (${format.percent(stats.errorRate)})`}`;
        // Failures in the danger colour, with an icon so colour is not the only cue.
        if (stats.errorCount === 0) return text;
        return (
          <span data-danger="">
            <AlertIcon label={labels.errorsFlag} /> {text}
          </span>
        );
      }
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
      {STATS.map((spec, i) => (
        <div key={spec.label} data-part="user-detail-stat" data-wide={spec.label === 'statActivePeriod' ? '' : undefined}>
          <StatTerm label={labels[spec.label]} about={formatLabel(labels.aboutFigure, { figure: labels[spec.label] })} explanation={labels[spec.explain] ?? figureHelpEnUS[spec.explain]} help={help(i)} />
          <dd>{value(spec)}</dd>
        </div>
      ))}
    </dl>
  );
});
UserDetailStats.displayName = STATS_NAME;

/* -----------------------------------------------------------------------------------------*/

/** Which figure's help shows, and whether a press or focus holds it open (else the mouse's hover). */
interface OpenHelp {
  index: number;
  held: boolean;
}

/**
 * The figures' help, one open at a time, and one tab stop for all eleven buttons: arrow keys,
 * Home and End move between them (a roving tabindex, as the activity chart's bars), so the
 * figures cost one Tab instead of eleven. Screen readers in browse mode still reach every button.
 */
function useFigureHelp(count: number) {
  const [open, setOpen] = useState<OpenHelp | null>(null);
  const [stop, setStop] = useState(0);
  const index = open?.index;
  const dismiss = useCallback(() => setOpen(null), []);
  const close = (i: number, hoverOnly: boolean) => setOpen((o) => (o?.index === i && !(hoverOnly && o.held) ? null : o));
  // Hover is a mouse's or a pen's: a touch enters and leaves around every tap.
  const hover = (i: number, show: boolean) => (event: ReactPointerEvent) => {
    if (event.pointerType === 'touch') return;
    if (show) setOpen((o) => (o?.index === i ? o : { index: i, held: false }));
    else close(i, true);
  };
  const move = (i: number) => (event: ReactKeyboardEvent<HTMLButtonElement>) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -count, End: count }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const buttons = event.currentTarget.closest('dl')?.querySelectorAll<HTMLButtonElement>('[data-part="user-detail-explain"]');
    buttons?.[Math.max(0, Math.min(count - 1, i + step))]?.focus();
  };
  return (i: number): TermHelp => ({
    open: index === i,
    dismiss,
    term: {
      onPointerEnter: hover(i, true),
      onPointerLeave: hover(i, false),
      // The name as well as the icon: a bigger target for a finger.
      onClick: () => setOpen({ index: i, held: true }),
    },
    button: {
      tabIndex: i === stop ? 0 : -1,
      onFocus: () => {
        setStop(i);
        setOpen({ index: i, held: true });
      },
      onBlur: () => close(i, false),
      onKeyDown: move(i),
    },
  });
}

interface TermHelp {
  open: boolean;
  dismiss: () => void;
  term: Pick<HTMLAttributes<HTMLElement>, 'onPointerEnter' | 'onPointerLeave' | 'onClick'>;
  button: Pick<HTMLAttributes<HTMLButtonElement>, 'tabIndex' | 'onFocus' | 'onBlur' | 'onKeyDown'>;
}

interface StatTermProps {
  label: string;
  /** The info button's name, e.g. "About Traces". */
  about: string;
  /** Two lines: what the figure is in an admin's words, then its exact definition. */
  explanation: string;
  help: TermHelp;
}

/**
 * A figure's name with an info button described by the figure's help.
 *
 * The help is plain text, so it is the button's description (`aria-describedby`, read from the
 * `hidden` text) rather than a toggletip with a live region: a screen reader says it as the
 * button is reached, with no extra key to open it and no announcement to interrupt. It shows on
 * hover over the name, the button or the text itself, on focus, and on a click or tap on the
 * name or the button; Escape, a press elsewhere or focus leaving hides it (WCAG 1.4.13:
 * dismissible, hoverable, persistent).
 */
function StatTerm({ label, about, explanation, help }: StatTermProps) {
  const id = useId();
  const term = useRef<HTMLElement>(null);
  const tip = useRef<HTMLSpanElement>(null);
  const { open, dismiss } = help;
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') dismiss();
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!term.current?.contains(event.target as Node)) dismiss();
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open, dismiss]);
  // Kept inside the viewport: the help of a figure at the end of a row would run off screen.
  useClientLayoutEffect(() => {
    const node = tip.current;
    if (!open || !node) return;
    node.style.translate = '';
    const { left, right } = node.getBoundingClientRect();
    const end = document.documentElement.clientWidth - EDGE;
    node.style.translate = `${right > end ? end - right : left < EDGE ? EDGE - left : 0}px`;
  }, [open]);
  const [summary, definition] = explanation.split('\n');
  const state = open ? 'open' : 'closed';
  return (
    <dt ref={term} {...help.term}>
      {label}
      <button type="button" data-part="user-detail-explain" data-state={state} aria-label={about} aria-describedby={id} {...help.button}>
        <InfoIcon />
      </button>
      {/* A press on the text keeps focus where it is, so the help stays while it is read. */}
      <span data-part="tooltip" data-state={state} role="tooltip" id={id} ref={tip} hidden={!open} onMouseDown={(event) => event.preventDefault()}>
        <span>{summary}</span> {definition && <span data-part="tooltip-definition">{definition}</span>}
      </span>
    </dt>
  );
}

/** A layout effect in the browser; on a server (where React 18 warns about one) a plain effect, which never runs there. */
const useClientLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect;
/** Pixels kept between the help and the viewport's edges. */
const EDGE = 8;
