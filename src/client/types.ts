/**
 * The client contract: what every userlens source (in-memory, Langfuse, the host's own)
 * answers, and the shapes it answers with. Framework-free.
 *
 * Conventions shared by every method:
 * - timestamps are ISO-8601 strings, durations milliseconds, cost USD;
 * - a `DateRange` applies to `trace.timestamp`, `from` inclusive, `to` exclusive, either open;
 * - pages are counted from 1 and `pageSize` is at least 1;
 * - every method takes `{ signal }` and rejects with the signal's reason once it aborts.
 */

/** ISO-8601 date-time string, e.g. `2026-11-01T12:00:00.000Z`. */
export type IsoDateTime = string;

/** A half-open interval over `trace.timestamp`: `from` inclusive, `to` exclusive; either side may be open. */
export interface DateRange {
  from?: IsoDateTime;
  to?: IsoDateTime;
}

export type SortDirection = 'asc' | 'desc';

/** Sort by one field. Ties are always broken by the row's id (`userId`, trace id, …) ascending. */
export interface SortSpec<Field extends string = string> {
  field: Field;
  direction: SortDirection;
}

/** Trace filters. A trace passes when its environment is one of `environments` and it carries every tag in `tags`. */
export interface TraceFilters {
  /** Keep traces whose `environment` is one of these. Empty or absent: any environment. */
  environments?: readonly string[];
  /** Keep traces that carry all of these tags. Empty or absent: no tag constraint. */
  tags?: readonly string[];
  /** Keep traces whose `release` is one of these. Empty or absent: any release. Where `filterableFields` has `release`. */
  releases?: readonly string[];
  /**
   * Keep traces whose `metadata` has each of these keys with that value, compared as text (a
   * number or boolean by how it prints: `42`, `true`). Empty or absent: no metadata constraint.
   * Only where `capabilities.filterableFields` has `metadata`.
   */
  metadata?: Readonly<Record<string, string>>;
}

/** Options every client method takes. */
export interface RequestOptions {
  /** Aborts the request; the promise then rejects with `signal.reason`. */
  signal?: AbortSignal;
}

/** One page of rows. `total` is `null` where the source cannot count. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number | null;
  hasMore: boolean;
  /**
   * Set where the rows come from only the user's latest traces in the range (a source that reads
   * a bounded part of a long history, such as Langfuse for a heavy user): how many traces they
   * cover. The views say so above the table.
   */
  latestTraces?: number;
}

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

/**
 * Per score name, over NUMERIC and BOOLEAN scores on the user's traces and on the sessions of
 * those traces (BOOLEAN as 0/1). See `capabilities.sessionScores`.
 */
export interface ScoreSummary {
  name: string;
  /** BOOLEAN when every score of this name in the source is BOOLEAN (the mean is then the share of 1s), else NUMERIC. */
  dataType: 'NUMERIC' | 'BOOLEAN';
  count: number;
  mean: number;
}

/**
 * The figures that add up trace by trace, over a user's, a session's or a bucket's traces.
 * See the figure definitions in the README.
 */
export interface TraceFigures {
  traceCount: number;
  /** Observations of the traces. */
  observationCount: number;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  /** USD. */
  totalCost: number;
  /** Traces with at least one observation at level `ERROR`. */
  errorCount: number;
}

/** One user's figures over a date range. See the figure definitions in the README. */
export interface UserSummary extends TraceFigures {
  userId: string;
  /** Earliest trace timestamp in the range; `null` when the user has no trace in it. */
  firstEvent: IsoDateTime | null;
  /** Latest trace timestamp in the range; `null` when the user has no trace in it. */
  lastEvent: IsoDateTime | null;
  /** Distinct non-empty `sessionId` among the traces. */
  sessionCount: number;
  /** `errorCount / traceCount`; `null` when `traceCount` is 0. */
  errorRate: number | null;
  /** Nearest-rank median of trace latencies, ms; `null` when no trace has a latency. */
  latencyP50: number | null;
  /** Nearest-rank 95th percentile of trace latencies, ms; `null` when no trace has a latency. */
  latencyP95: number | null;
  /** By score name, ascending. */
  scores: ScoreSummary[];
}

/** The figures a list row or a detail view can carry; a source declares which it has. */
export type UserFigure = Exclude<keyof UserSummary, 'userId'>;

/**
 * The mean of one score name as a figure of its own (`score:helpfulness`): the `mean` of that
 * name in the user's `scores`, none (null) without such scores. Lists sort and band by it where
 * the source declares `capabilities.scoreFigures`.
 */
export type ScoreFigure = `score:${string}`;

/** The fields a user list can sort on. */
export type UserSortField = Exclude<UserFigure, 'scores'> | 'userId' | ScoreFigure;

/** Usage of one model by one user. `model` is `null` for observations without a model. */
export interface ModelUsage {
  model: string | null;
  /** Observations with this model. */
  observationCount: number;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  totalCost: number;
}

/** Everything the detail view shows about one user over a range. */
export interface UserStats extends UserSummary {
  /** By cost descending, then model name ascending. Sums equal the user's totals. */
  models: ModelUsage[];
  /**
   * The tags of the traces, each with the traces that carry it, most carried first (then by
   * tag): what the traces tab offers to narrow by. Absent where the source does not say.
   */
  tags?: { tag: string; traceCount: number }[];
  /**
   * Figures this answer could not count, although the source has them for other users (a
   * heavy user's sessions on Langfuse): the views show them as not available.
   */
  unavailable?: readonly UserFigure[];
}

/** The figures that are plain numbers, which bands, budgets and distributions apply to. */
export type NumericUserFigure = Exclude<UserFigure, 'scores' | 'firstEvent' | 'lastEvent'>;

/** Keeps users whose figure lies in the band; bounds left out are open. A user without the figure (null) never matches. */
export interface FigureBand {
  /** A numeric figure, or a score's mean (`score:<name>`, see `capabilities.scoreFigures`). */
  field: NumericUserFigure | ScoreFigure;
  /** value ≥ gte */
  gte?: number;
  /** value > gt */
  gt?: number;
  /** value < lt */
  lt?: number;
  /** value ≤ lte */
  lte?: number;
}

export interface UsersQuery {
  range?: DateRange;
  /** Case-insensitive substring of `userId`. */
  search?: string;
  /**
   * Users with one of these ids match `search` too: the people whose names in the host's records
   * contain it (see `capabilities.searchUserIds`). Ignored without `search`.
   */
  searchUserIds?: readonly string[];
  /**
   * Keep only these users (those over a budget, a segment's people); an empty array keeps no
   * one. See `capabilities.userIds`.
   */
  userIds?: readonly string[];
  /** Keep users whose figures lie in every band (e.g. cost over a budget). */
  bands?: readonly FigureBand[];
  /** @defaultValue `{ field: 'lastEvent', direction: 'desc' }` */
  sort?: SortSpec<UserSortField>;
  /** @defaultValue 1 */
  page?: number;
  /** @defaultValue 50 */
  pageSize?: number;
  filters?: TraceFilters;
}

export interface UserQuery {
  range?: DateRange;
  filters?: TraceFilters;
}

// ---------------------------------------------------------------------------------------------
// Traces, sessions, scores
// ---------------------------------------------------------------------------------------------

export type ObservationLevel = 'DEBUG' | 'DEFAULT' | 'WARNING' | 'ERROR';
export type ScoreDataType = 'NUMERIC' | 'BOOLEAN' | 'CATEGORICAL' | 'CORRECTION' | 'TEXT';
export type ScoreSource = 'API' | 'ANNOTATION' | 'EVAL';

/** A score as attached to one trace row. */
export interface TraceScore {
  name: string;
  dataType: ScoreDataType;
  value: number | null;
  stringValue: string | null;
}

export interface TraceRow {
  id: string;
  timestamp: IsoDateTime;
  name: string | null;
  sessionId: string | null;
  environment: string;
  tags: string[];
  /** The trace input as stored (any JSON); render as text, never as HTML. */
  input: unknown;
  /** The trace output as stored (any JSON); render as text, never as HTML. */
  output: unknown;
  /** The most severe observation level; `null` without observations. */
  level: ObservationLevel | null;
  /** ms; `null` without observations. */
  latency: number | null;
  observationCount: number;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  totalCost: number;
  /** By name, then time. */
  scores: TraceScore[];
}

export type TraceSortField =
  | 'timestamp'
  | 'name'
  | 'latency'
  | 'observationCount'
  | 'totalTokens'
  | 'totalCost';

export interface UserListQuery<Field extends string> {
  userId: string;
  range?: DateRange;
  sort?: SortSpec<Field>;
  /** @defaultValue 1 */
  page?: number;
  /** @defaultValue 50 */
  pageSize?: number;
  filters?: TraceFilters;
}

/** @defaultValue sort `{ field: 'timestamp', direction: 'desc' }` */
export interface TracesQuery extends UserListQuery<TraceSortField> {
  /** Case-insensitive substring of the trace's name or id. */
  search?: string;
  /** Keep traces whose most severe level is one of these: `['ERROR']` is "errors only". */
  levels?: readonly ObservationLevel[];
  /** Keep traces that carry all of these tags. */
  tags?: readonly string[];
}

/** A user's traces that share one `sessionId`, within the range. */
export interface SessionRow extends TraceFigures {
  sessionId: string;
  /** Earliest trace timestamp of the session (in the range). */
  createdAt: IsoDateTime;
  /** Latest trace timestamp of the session (in the range). */
  lastActivity: IsoDateTime;
  /** `lastActivity − createdAt`, ms. */
  durationMs: number;
}

export type SessionSortField =
  | 'createdAt'
  | 'lastActivity'
  | 'durationMs'
  | 'traceCount'
  | 'totalTokens'
  | 'totalCost';

/** @defaultValue sort `{ field: 'lastActivity', direction: 'desc' }` */
export type SessionsQuery = UserListQuery<SessionSortField>;

export interface ScoreRow {
  id: string;
  timestamp: IsoDateTime;
  name: string;
  dataType: ScoreDataType;
  /** Numeric value (BOOLEAN as 0/1); `null` for TEXT scores and for labels without a number (Langfuse answers categories as labels). */
  value: number | null;
  /** Label of CATEGORICAL and BOOLEAN scores; `null` when absent. */
  stringValue: string | null;
  source: ScoreSource;
  comment: string | null;
  /** The trace the score is on; `null` for a score on a session. */
  traceId: string | null;
  /** The session a session-level score is on (one without a trace); `null` for scores on a trace. */
  sessionId: string | null;
  observationId: string | null;
}

export type ScoreSortField = 'timestamp' | 'name' | 'value';

/** One step of a trace, for its timeline: what ran, when, for how long, and what it cost. */
export interface ObservationRow {
  id: string;
  traceId: string;
  parentObservationId: string | null;
  name: string | null;
  /** `GENERATION`, `SPAN`, `EVENT`, … as recorded. */
  type: string | null;
  startTime: IsoDateTime;
  endTime: IsoDateTime | null;
  /** ms from start to end (at least 0); `null` without an end. */
  durationMs: number | null;
  model: string | null;
  level: ObservationLevel;
  /** Why it failed or warned, as recorded; render as text. */
  statusMessage: string | null;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  totalCost: number;
}

/** The observations of one of the user's traces (the trace must belong to `userId`). */
export interface ObservationsQuery {
  userId: string;
  traceId: string;
  /** The range the trace was listed in (a source may read the user's records by range). */
  range?: DateRange;
}

/**
 * Scores on the user's traces in the range, and on the sessions of those traces.
 * @defaultValue sort `{ field: 'timestamp', direction: 'desc' }` */
export interface ScoresQuery extends UserListQuery<ScoreSortField> {
  /** Keep only scores with this name. */
  name?: string;
}

// ---------------------------------------------------------------------------------------------
// Activity
// ---------------------------------------------------------------------------------------------

export type Granularity = 'hour' | 'day' | 'week';

export interface ActivityQuery {
  /** One user's activity; absent: every user's (traces without a `userId` are not counted). */
  userId?: string;
  range?: DateRange;
  /** `auto` picks hour up to 2 days, day up to 120 days, week beyond. @defaultValue 'auto' */
  granularity?: Granularity | 'auto';
  filters?: TraceFilters;
  /**
   * IANA time zone whose calendar the hours, days and weeks follow (a DST day is 23 or 25 hours
   * long). Sources without `capabilities.timeZones` bucket in UTC whatever this says.
   * @defaultValue 'UTC'
   */
  timeZone?: string;
}

/** One bucket `[start, end)`: an hour, a day or a week (from Monday) of the query's time zone. Figures as for users. */
export interface ActivityPoint extends TraceFigures {
  start: IsoDateTime;
  end: IsoDateTime;
}

/**
 * Contiguous buckets covering the range (open sides close at the first / last trace). A range
 * reaching before 1970 or past 2099, where no record can be (see `createMemoryClient`), is
 * bucketed from 1970 / to 2099 only, so `auto` always answers, all time included.
 */
export interface Activity {
  granularity: Granularity;
  points: ActivityPoint[];
  /**
   * Set where these buckets follow another calendar than the query's `timeZone` asked for
   * (`'UTC'`), and the figures they could not count: the views label and hide accordingly.
   */
  timeZone?: 'UTC';
  unavailable?: readonly (keyof TraceFigures)[];
}

// ---------------------------------------------------------------------------------------------
// Segments: users grouped by one trace attribute
// ---------------------------------------------------------------------------------------------

/** What segments group by: a trace's environment, or its tags (those starting with `prefix`). */
/** What users are grouped by: environment, tags, release, or one metadata key of their traces (`metadata.plan`). */
export type SegmentDimension = 'environment' | 'tags' | 'release' | `metadata.${string}`;

export interface SegmentsQuery {
  dimension: SegmentDimension;
  /** For `tags`: only tags that start with it (`org:`), the segment named by the whole tag. */
  prefix?: string;
  range?: DateRange;
  filters?: TraceFilters;
  /** The score whose mean is each segment's feedback (NUMERIC and BOOLEAN scores of that name). */
  scoreName?: string;
}

/**
 * The users and figures of one value of the dimension. A trace counts in every segment it
 * carries (a trace with two tags in both); a user in every segment one of their traces is in.
 * `null` where the source cannot count the figure.
 */
export interface Segment {
  /**
   * The environment, tag, release or metadata value (as text, as `filters.metadata` compares
   * it); `null` for traces without a matching tag, without a release, or without that metadata
   * key (or with a value that is not text, a number or a boolean).
   */
  value: string | null;
  userCount: number | null;
  traceCount: number | null;
  totalTokens: number;
  totalCost: number;
  /** `totalCost / userCount`. */
  costPerUser: number | null;
  /** Traces with an ERROR observation / traces. */
  errorRate: number | null;
  /** Mean of the `scoreName` scores on the segment's traces; `null` without any (or without `scoreName`). */
  feedback: number | null;
}

export interface Segments {
  dimension: SegmentDimension;
  /** By cost, highest first, then by value (`null` last). */
  segments: Segment[];
  /** Figures the source cannot count: `null` in every segment, shown as not available. */
  unavailable?: readonly ('userCount' | 'traceCount' | 'costPerUser' | 'errorRate' | 'feedback')[];
}

// ---------------------------------------------------------------------------------------------
// Overview: the whole user base over time
// ---------------------------------------------------------------------------------------------

export interface OverviewQuery {
  /** Movers compare it with the period of the same length before it, so they need both ends. */
  range?: DateRange;
  filters?: TraceFilters;
  /** @defaultValue 'auto' (as the activity chart) */
  granularity?: Granularity | 'auto';
  /** IANA zone whose calendar the buckets follow (see `capabilities.timeZones`). @defaultValue 'UTC' */
  timeZone?: string;
  /** Movers listed per figure. @defaultValue 5 */
  movers?: number;
}

/**
 * One bucket of the overview. A user is active in a bucket with a trace in it; new there when
 * their first trace ever (that passes the filters) is in it, returning otherwise. `null` where
 * the source cannot count the figure.
 */
export interface OverviewPoint {
  start: IsoDateTime;
  end: IsoDateTime;
  activeUsers: number | null;
  newUsers: number | null;
  returningUsers: number | null;
  traceCount: number | null;
  totalTokens: number;
  totalCost: number;
}

/** A user whose figure moved most against the previous period of the same length. */
export interface Mover {
  userId: string;
  current: number;
  previous: number;
  /** `current − previous`; movers are ordered by its size, largest first. */
  change: number;
}

export interface Overview {
  granularity: Granularity;
  points: OverviewPoint[];
  /** The range's figures: active users counted once however many buckets they are active in. */
  totals: Omit<OverviewPoint, 'start' | 'end'>;
  /** The previous period the movers compare with; `null` for a range open at either end. */
  previous: DateRange | null;
  /**
   * Users whose cost (any user with a trace in either period) or error rate (users with traces
   * in both) changed most; `null` where the source cannot rank them or there is no previous period.
   */
  movers: { totalCost: Mover[] | null; errorRate: Mover[] | null };
}

// ---------------------------------------------------------------------------------------------
// Optional list companions: deferred figures, trends, distribution, filter options
// ---------------------------------------------------------------------------------------------

/** The users and range of a list page, for the methods that complete its rows. */
export interface UsersSelection {
  userIds: readonly string[];
  range?: DateRange;
  filters?: TraceFilters;
}

/** Per-user activity series for a page of users, on shared buckets. */
export interface TrendsQuery extends UsersSelection {
  /** @defaultValue 'traceCount' */
  field?: 'traceCount' | 'totalTokens' | 'totalCost' | 'errorCount';
  /** @defaultValue 'auto' */
  granularity?: Granularity | 'auto';
  /** As in `ActivityQuery`. @defaultValue 'UTC' */
  timeZone?: string;
}

export interface Trends {
  granularity: Granularity;
  /** Bucket starts, shared by every series. */
  buckets: IsoDateTime[];
  /** One series per requested user, values aligned with `buckets`. */
  series: { userId: string; values: number[] }[];
}

/** How users of a query spread over one figure. */
export interface DistributionQuery extends Omit<UsersQuery, 'sort' | 'page' | 'pageSize'> {
  /** A numeric figure, or a score's mean (`score:<name>`, see `capabilities.scoreFigures`). */
  field: NumericUserFigure | ScoreFigure;
  /** At most this many bins; the source may choose fewer, with round edges, to fit the data. @defaultValue 20 */
  bins?: number;
  /** Log bins suit heavy-tailed figures such as cost. @defaultValue 'linear' */
  scale?: 'linear' | 'log';
}

export interface DistributionBin {
  /** Inclusive. */
  from: number;
  /** Exclusive, except for the last bin, which holds its upper bound. */
  to: number;
  count: number;
}

export interface Distribution {
  field: NumericUserFigure | ScoreFigure;
  /** The spacing of the edges: may be linear where log was asked for values within one decade. */
  scale: 'linear' | 'log';
  bins: DistributionBin[];
  /** Users with the figure; users without it (null) are not binned. */
  count: number;
  min: number | null;
  max: number | null;
  /** Users with a zero value; with a log scale they sit in the first bin. */
  zeroCount: number;
}

/** The values `filters` can take in a range. */
export interface FilterOptions {
  environments: string[];
  tags: string[];
}

// ---------------------------------------------------------------------------------------------
// The client
// ---------------------------------------------------------------------------------------------

/** A source's request budget: at most `limit` requests per `windowMs`. */
export interface RequestBudget {
  limit: number;
  windowMs: number;
}

/** One budget's spend by this client. */
export interface BudgetUsage extends RequestBudget {
  /** What the budget covers, e.g. `metrics` (Langfuse's metrics endpoints). */
  name: string;
  /** Requests sent in the last `windowMs`, retries included. */
  used: number;
  /** Requests sent since the client was created. */
  total: number;
}

export interface ClientUsage {
  budgets: BudgetUsage[];
  /** Epoch ms until which the source refuses requests (a 429's `Retry-After`); `null` when it does not. */
  pausedUntil: number | null;
}

export type PaginationKind =
  | { kind: 'offset' }
  | { kind: 'cursor' }
  | { kind: 'top-n'; limit: number };

/** What a source can do. Views offer only what is declared here and never invent a figure. */
export interface ClientCapabilities {
  pagination: PaginationKind;
  /** Largest `pageSize` the source accepts. */
  maxPageSize: number;
  /** Fields `listUsers` can sort on. */
  sortableFields: readonly UserSortField[];
  /** Filters the source can apply. */
  filterableFields: readonly ('environment' | 'tags' | 'release' | 'metadata')[];
  /** Whether `listUsers` honours `search`. */
  search: boolean;
  /** Whether `listUsers` honours `searchUserIds`, so search can match names from the host's records. */
  searchUserIds?: boolean;
  /** Whether `listUsers` honours `userIds` (keep only these users). */
  userIds?: boolean;
  /** Whether `listObservations` is implemented (a trace's timeline in the detail view). */
  observations?: boolean;
  /**
   * Whether the scores summary and `listScores` include the scores on the user's sessions (with
   * a session and no trace); absent or false: the scores on their traces only.
   */
  sessionScores?: boolean;
  /** Whether `getOverview` is implemented (active, new and returning users over time, movers). */
  overview?: boolean;
  /** The dimensions `getSegments` groups users by (`metadata`: any `metadata.<key>`); absent or empty: no segments. */
  segments?: readonly ('environment' | 'tags' | 'release' | 'metadata')[];
  /** Figures `listUsers` rows carry; with `deferredFigures`, what the list shows — others are "not available from this source". */
  listFigures: readonly UserFigure[];
  /** Figures `getUser` carries. */
  detailFigures: readonly UserFigure[];
  /**
   * List figures that come in a second phase: `listUsers` leaves them unset and
   * `getUserFigures` supplies them for a page of ids. Empty when the list has everything at once.
   */
  deferredFigures: readonly UserFigure[];
  /** Figures `UsersQuery.bands` can apply to. */
  bandFields: readonly NumericUserFigure[];
  /**
   * Whether `listUsers` sorts and bands by a score's mean (`score:<name>`) and
   * `getDistribution` spreads users over it: "users whose helpfulness is below 0.5".
   */
  scoreFigures?: boolean;
  /** Whether `getTrends` is implemented. */
  trends: boolean;
  /** Whether `getDistribution` is implemented. */
  distribution: boolean;
  /** Whether `getFilterOptions` is implemented. */
  filterOptions: boolean;
  /**
   * Whether `getActivity` and `getTrends` bucket on the calendar of `query.timeZone`. Absent or
   * false: buckets are UTC hours, days and weeks, and the views label their axes "UTC".
   */
  timeZones?: boolean;
}

/** How far a client that loads its data has got: `done` of `total` records read, in lists read in this order. */
export interface LoadProgress {
  /**
   * What is being done: an export's files `reading` (see `createExportClient`), then the
   * traces, observations and scores checked, then the `index` built from them.
   */
  phase: 'reading' | 'traces' | 'observations' | 'scores' | 'index';
  /** Records so far and in all; while `reading`, bytes read and the files' size (0 when not known, as for a stream). */
  done: number;
  total: number;
  /** While `reading`: rows read, and rows left out as malformed (with `invalidRows: 'skip'`). */
  rows?: number;
  skipped?: number;
}

/** A load the views show the progress of (see `UserTrackingClient.loading`), read as `useSyncExternalStore` reads a store. */
export interface LoadState {
  subscribe(listener: () => void): () => void;
  /** The latest progress (the same object until it changes); `null` once nothing loads. */
  getSnapshot(): LoadProgress | null;
}

/**
 * A source of user metrics. Implement it to feed userlens from your own backend.
 *
 * @example
 * const client: UserTrackingClient = createMemoryClient(dataset);
 * const page = await client.listUsers({ sort: { field: 'totalCost', direction: 'desc' } });
 */
export interface UserTrackingClient {
  /**
   * Stable identity for query keys. Give one when several clients share a QueryClient or when
   * keys must match across server and browser (prefetch + hydrate); otherwise one is assigned.
   */
  readonly id?: string;
  readonly capabilities: ClientCapabilities;
  /**
   * What this client has spent of its source's request budgets, and until when the source asked
   * it to wait: the views refresh no faster than the budgets allow, and pause live refresh then.
   * Absent: the source has no budget to respect (the memory client).
   */
  usage?(): ClientUsage;
  listUsers(query: UsersQuery, options?: RequestOptions): Promise<Page<UserSummary>>;
  /** `null` when the source has no trace at all for this user; zero figures when none is in the range. */
  getUser(userId: string, query?: UserQuery, options?: RequestOptions): Promise<UserStats | null>;
  listTraces(query: TracesQuery, options?: RequestOptions): Promise<Page<TraceRow>>;
  listSessions(query: SessionsQuery, options?: RequestOptions): Promise<Page<SessionRow>>;
  listScores(query: ScoresQuery, options?: RequestOptions): Promise<Page<ScoreRow>>;
  getActivity(query: ActivityQuery, options?: RequestOptions): Promise<Activity>;
  /** The deferred figures (see `capabilities.deferredFigures`) of a page of users. */
  getUserFigures?(query: UsersSelection, options?: RequestOptions): Promise<Partial<UserSummary>[]>;
  /** Activity series for a page of users (see `capabilities.trends`). */
  getTrends?(query: TrendsQuery, options?: RequestOptions): Promise<Trends>;
  /** How the users of a query spread over one figure (see `capabilities.distribution`). */
  getDistribution?(query: DistributionQuery, options?: RequestOptions): Promise<Distribution>;
  /** Users grouped by one trace attribute, with each group's figures (see `capabilities.segments`). */
  getSegments?(query: SegmentsQuery, options?: RequestOptions): Promise<Segments>;
  /** The whole user base over a range (see `capabilities.overview`). */
  getOverview?(query: OverviewQuery, options?: RequestOptions): Promise<Overview>;
  /**
   * A trace's observations by start time (then id), for its timeline (see
   * `capabilities.observations`); `[]` when the user has no such trace.
   */
  listObservations?(query: ObservationsQuery, options?: RequestOptions): Promise<ObservationRow[]>;
  /** Environments and tags present in a range (see `capabilities.filterOptions`). */
  getFilterOptions?(query: { range?: DateRange }, options?: RequestOptions): Promise<FilterOptions>;
  /** Drops whatever the client keeps between calls; the views call it before a refresh. */
  invalidate?(): void;
  /**
   * For a client that loads its data after it is created (`createLoadingMemoryClient`): the
   * load's progress, which the views show while their first answers wait for it.
   */
  readonly loading?: LoadState;
}

// ---------------------------------------------------------------------------------------------
// People: the host's own records
// ---------------------------------------------------------------------------------------------

/** A profile field's value as shown and exported: text, a number, a yes/no, or nothing. */
export type ProfileValue = string | number | boolean | null;

/**
 * Who a user is, from the host's own records. Host data: userlens shows it beside the figures
 * and never sends it to the metrics source.
 */
export interface UserProfile {
  /** Shown in place of the id, which stays beside it. */
  name?: string;
  /** Shown when there is no name. */
  email?: string;
  /** Not drawn by the views (an image the host serves is the host's to lay out); kept for custom cells. */
  avatarUrl?: string;
  /** Any other field the host keeps (`organisation`, `plan`); declared ones become list columns. */
  [field: string]: ProfileValue | undefined;
}

/** A field of the host's profiles shown as an optional list column (and exported with it). */
export interface ProfileField {
  /** The key in each `UserProfile`, e.g. `organisation`. */
  field: string;
  /** The column's header, e.g. `Organisation`. */
  label: string;
}

/**
 * Looks up the people behind a page of user ids, in one batch. Answer only the ids you know;
 * an id left out shows as the id alone. Reject (or let `signal` abort) freely: the figures show
 * either way.
 */
export type UserProfilesLoader = (
  userIds: readonly string[],
  options: { signal: AbortSignal },
) => Promise<Record<string, UserProfile | undefined>>;
