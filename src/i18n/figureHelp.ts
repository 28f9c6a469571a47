/**
 * What each figure on the user page means: first in an admin's words, then, after a line break,
 * the exact definition. Its own module so the help loads with the part that shows it
 * (`UserDetailStats`), not with the provider; override any of it through the provider's `labels`.
 */
export const figureHelpEnUS = {
  explainObservations: 'Steps inside this user’s requests, such as model calls.\nObservations (generations, spans, events) of this user’s traces in the range.',
  explainTraces: 'Requests this user made.\nTraces with this user’s id and a timestamp in the range.',
  explainSessions: 'Conversations this user had.\nDistinct non-empty session ids among this user’s traces in the range.',
  explainInputTokens: 'Tokens sent to the models.\nSum of every usage value whose key contains “input” (any case), over the observations.',
  explainOutputTokens: 'Tokens the models wrote back.\nSum of every usage value whose key contains “output” (any case), over the observations.',
  explainTotalTokens: 'All tokens, sent and received.\nSum of each observation’s usage total, or its input plus output when it has no total.',
  explainCost: 'What this user’s requests cost.\nSum of each observation’s total cost in USD, else its cost details’ total, else their sum.',
  explainErrors: 'Requests that failed, and their share of all requests.\nTraces with at least one observation at level ERROR; the rate divides them by all traces.',
  explainLatencyP50: 'How long a typical request takes: half took at most this long.\nNearest-rank 50th percentile of trace latencies (first observation start to last end); traces without observations left out.',
  explainLatencyP95: 'How long the slowest requests take: 95 % took at most this long.\nNearest-rank 95th percentile of trace latencies (first observation start to last end); traces without observations left out.',
  explainActivePeriod: 'When this user was active.\nFrom the earliest to the latest trace timestamp in the range.',
};

export type FigureHelpKey = keyof typeof figureHelpEnUS;
export type FigureHelpLabels = Record<FigureHelpKey, string>;
