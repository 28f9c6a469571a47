'use client';
import { memo, type MouseEvent } from 'react';
import { profileName, profileValue } from '../../client/profiles.js';
import type { ClientCapabilities, UserFigure, UserProfile, UserSummary } from '../../client/types.js';
import type { Formatters } from '../../format/createFormatters.js';
import { budgetEnUS, type BudgetLabels } from '../../i18n/budget.js';
import { formatLabel, type Labels } from '../../i18n/en-US.js';
import { Sparkline as DrawSparkline } from '../charts/Sparkline.js';
import { CopyButton } from '../shared/CopyButton.js';
import { AlertIcon } from '../shared/icons.js';
import { NotAvailable, Skeleton, VisuallyHidden } from '../Status/Status.js';
import type { ColumnSpec } from './columns.js';
import type { DeferredFigures } from '../../hooks/useUserListData.js';
import type { UserListBudget } from '../../hooks/useUserListState.js';
import type { BudgetStatus } from '../../hooks/useBudgetStatus.js';
import { pluralText } from '../../i18n/plural.js';

// A row drawn again with the same series (the click of a sort) keeps its line.
const Sparkline = memo(DrawSparkline);

/** What a cell needs besides its row: formatting, texts, the source's capabilities, links. */
export interface CellEnvironment {
  format: Formatters;
  /** The language of the texts, whose plural rules count them. */
  lang: string;
  labels: Labels & Partial<BudgetLabels>;
  capabilities: ClientCapabilities;
  deferred: DeferredFigures;
  trend: number[] | undefined;
  trendPending: boolean;
  now: number;
  budget: UserListBudget | undefined;
  /** Who is over or near the budget across all users (read for a budget with a window). */
  budgetStatus: BudgetStatus | undefined;
  /** The host's record of the row's user, once loaded. */
  profile: UserProfile | undefined;
  /** The score the list is sorted by (`score:<name>`), which its feedback cell shows first. */
  sortedScore?: string | null;
  getUserHref: ((userId: string) => string) | undefined;
  onSelectUser: ((userId: string) => void) | undefined;
}

/** A figure's value for the row: from the list, from the second phase, or why there is none. */
function figureOf(
  user: UserSummary,
  figure: UserFigure,
  env: CellEnvironment,
): { state: 'value'; value: UserSummary[UserFigure] } | { state: 'pending' | 'unavailable' | 'failed' } {
  // Deferred first: a source may also count its deferred figures among its list figures.
  if (env.capabilities.deferredFigures.includes(figure)) {
    const deferred = env.deferred.byUser.get(user.userId);
    if (deferred && figure in deferred) return { state: 'value', value: deferred[figure] as UserSummary[UserFigure] };
    return { state: env.deferred.error ? 'failed' : env.deferred.isPending ? 'pending' : 'unavailable' };
  }
  if (env.capabilities.listFigures.includes(figure)) return { state: 'value', value: user[figure] };
  return { state: 'unavailable' };
}

export function UserListCell({ column, user, env }: { column: ColumnSpec; user: UserSummary; env: CellEnvironment }) {
  const { format, labels } = env;
  if (column.kind === 'userId') return <UserIdCell user={user} env={env} />;
  if (column.kind === 'profile') {
    // Host data, shown as text: a number in the locale, a yes/no in words, nothing as a dash.
    const value = profileValue(env.profile, column.field!);
    if (value === undefined) return <NoValue labels={labels} />;
    const text = typeof value == 'number' ? format.number(value) : typeof value == 'boolean' ? labels[value ? 'yes' : 'no'] : value;
    return <span data-part="user-list-profile-value" title={text}>{text}</span>;
  }
  if (column.kind === 'trend') {
    if (!env.capabilities.trends) return <NotAvailable />;
    if (!env.trend) return env.trendPending ? <Skeleton width={80} /> : <NoValue labels={labels} />;
    const total = env.trend.reduce((sum, value) => sum + value, 0);
    return <Sparkline values={env.trend} label={labels.trendLabel} description={formatLabel(pluralText(labels, 'trendTotal', total, env.lang), { count: format.number(total) })} />;
  }
  const values = column.figures.map((figure) => figureOf(user, figure, env));
  const states = values.map((v) => v.state);
  if (states.includes('unavailable')) return <NotAvailable />;
  if (states.includes('failed')) {
    return (
      <span data-part="user-list-cell-failed" title={labels.figureFailed}>
        <span aria-hidden>!</span>
        <VisuallyHidden>{labels.figureFailed}</VisuallyHidden>
      </span>
    );
  }
  if (states.includes('pending')) {
    return (
      <span aria-busy="true">
        <Skeleton width={48} />
        <VisuallyHidden>{formatLabel(labels.deferredLoading, { column: labels[column.label] })}</VisuallyHidden>
      </span>
    );
  }
  const [first, second] = values.map((v) => (v as { value: unknown }).value);
  switch (column.kind) {
    case 'date':
      return <DateText iso={first as string | null} env={env} />;
    case 'count':
      return <>{format.number(first as number)}</>;
    case 'tokens':
      return <span title={format.number(first as number)}>{format.compact(first as number)}</span>;
    case 'cost':
      return <>{format.cost(first as number)}</>;
    case 'errors': {
      const rate = second as number | null;
      const text = (
        <>
          {format.number(first as number)}
          {rate !== null && rate > 0 && <span data-part="user-list-error-rate"> ({format.percent(rate)})</span>}
        </>
      );
      // Failures in the danger colour, with an icon so colour is not the only cue; 0 stays plain.
      if (first === 0) return text;
      return (
        <span data-danger="">
          <AlertIcon label={labels.errorsFlag} /> {text}
        </span>
      );
    }
    case 'duration':
      return first === null ? <NoValue labels={labels} /> : <>{format.duration(first as number)}</>;
    case 'scores':
      return <ScoresText scores={first as UserSummary['scores']} env={env} />;
  }
  return null;
}

/** A figure that is known to be empty (no latency, no score): a dash, "none" for screen readers. */
function NoValue({ labels }: { labels: Labels }) {
  return (
    <span data-part="user-list-no-value">
      <span aria-hidden>{labels.noValueShort}</span>
      <VisuallyHidden>{labels.noValue}</VisuallyHidden>
    </span>
  );
}

function DateText({ iso, env }: { iso: string | null; env: CellEnvironment }) {
  if (iso === null) return <NoValue labels={env.labels} />;
  const absolute = env.format.dateTime(iso);
  return (
    <time dateTime={iso} title={absolute}>
      <span aria-hidden>{env.format.relative(iso, env.now)}</span>
      <VisuallyHidden>{absolute}</VisuallyHidden>
    </time>
  );
}

function ScoresText({ scores: byName, env }: { scores: UserSummary['scores']; env: CellEnvironment }) {
  if (byName.length === 0) return <NoValue labels={env.labels} />;
  // The sorted-by score leads, where the ellipsis cannot hide it.
  const scores = [...byName].sort((a, b) => +(b.name === env.sortedScore) - +(a.name === env.sortedScore));
  const describe = (score: UserSummary['scores'][number]) =>
    score.dataType === 'BOOLEAN'
      ? formatLabel(env.labels.feedbackRate, { rate: env.format.percent(score.mean) })
      : env.format.number(Math.round(score.mean * 100) / 100);
  const full = scores
    .map((score) => formatLabel(env.labels.scoreSummaryDetail, { name: score.name, value: describe(score), count: env.format.number(score.count) }))
    .join('\n');
  // One line that ends in an ellipsis when it does not fit; every score on hover and for
  // screen readers, one per line.
  return (
    <span data-part="user-list-scores" title={full}>
      <span aria-hidden>
        {scores.map((score) => (
          <span key={score.name} data-part="user-list-score" data-type={score.dataType}>
            <span data-part="user-list-score-name">{score.name}</span> {describe(score)}
          </span>
        ))}
      </span>
      <VisuallyHidden>{full}</VisuallyHidden>
    </span>
  );
}

/**
 * Where the row's user stands against the budget: over the limit, near it (above `nearAt` of
 * it), or neither (`null`). Over a window, the figure is the window's, from `budgetStatus`.
 */
export function budgetMark(user: UserSummary, env: Pick<CellEnvironment, 'budget' | 'budgetStatus' | 'capabilities' | 'deferred'>): { state: 'over' | 'near'; value: number } | null {
  const { budget } = env;
  if (!budget) return null;
  let value: number | null | undefined;
  if (budget.window) value = env.budgetStatus?.byUser.get(user.userId);
  else {
    const figure = figureOf(user, budget.field, env as CellEnvironment);
    value = figure.state === 'value' ? (figure.value as number | null) : null;
  }
  if (value == null) return null;
  if (value > budget.limit) return { state: 'over', value };
  return budget.nearAt !== undefined && value > budget.limit * budget.nearAt ? { state: 'near', value } : null;
}

function UserIdCell({ user, env }: { user: UserSummary; env: CellEnvironment }) {
  const { labels, budget } = env;
  const mark = budgetMark(user, env);
  const formatBudget = (n: number) => (budget?.field === 'totalCost' ? env.format.cost(n) : env.format.number(n));
  // The budget texts over the dictionary only for a marked row: most rows have no mark.
  const markText =
    mark &&
    formatLabel({ ...budgetEnUS, ...labels }[mark.state === 'over' ? (budget!.window ? 'overBudgetWindow' : 'overBudget') : budget!.window ? 'nearBudgetWindow' : 'nearBudget'], {
      value: formatBudget(mark.value),
      limit: formatBudget(budget!.limit),
      window: budget!.window ? labels[`preset${budget!.window}`] : '',
    });
  // The id is text, verbatim: never markup. Links carry it through the host's href builder.
  // With a name from the host's records, the name leads and the id follows, smaller (the space
  // parts them for readers and copy; the grid does not draw it).
  const name = profileName(env.profile);
  const idText = (
    <span data-part="user-list-user-id-text" title={user.userId}>
      {user.userId}
    </span>
  );
  const id = name ? (
    <span data-part="user-list-person">
      <span data-part="user-list-user-name" title={name}>
        {name}
      </span>{' '}
      {idText}
    </span>
  ) : (
    idText
  );
  // An id of only whitespace is kept as it is, but named so it can be seen and read.
  const blank = user.userId.trim() === '' ? formatLabel(pluralText(labels, 'blankUserId', user.userId.length, env.lang), { count: user.userId.length }) : undefined;
  return (
    <span data-part="user-list-user-id">
      {env.getUserHref ? (
        <a
          href={env.getUserHref(user.userId)}
          aria-label={blank}
          data-part="user-list-user-link"
          onClick={env.onSelectUser ? (event) => selectInstead(event, user.userId, env.onSelectUser!) : undefined}
        >
          {id}
        </a>
      ) : env.onSelectUser ? (
        <button type="button" aria-label={blank} data-part="user-list-user-link" onClick={() => env.onSelectUser!(user.userId)}>
          {id}
        </button>
      ) : (
        id
      )}
      {blank && (
        <span data-part="user-list-blank-id" aria-hidden={env.getUserHref || env.onSelectUser ? true : undefined}>
          {blank}
        </span>
      )}
      {mark && (
        <span data-part="user-list-over-budget" data-state={mark.state} title={markText!}>
          <span aria-hidden>{mark.state === 'over' ? '▲' : '△'}</span>
          <VisuallyHidden>{markText}</VisuallyHidden>
        </span>
      )}
      <CopyButton text={user.userId} labels={labels} />
    </span>
  );
}

/** Plain clicks go to the host's handler (its router); modified clicks keep the browser's meaning. */
function selectInstead(event: MouseEvent<HTMLAnchorElement>, userId: string, onSelect: (userId: string) => void) {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  onSelect(userId);
}
