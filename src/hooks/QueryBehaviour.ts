/**
 * The TanStack Query options a userlens hook passes through; the key, the fetcher and the
 * placeholder are the factory's own. Plain values only, so one type fits every hook.
 */
export interface QueryBehaviour {
  /** Set to false to hold the request (e.g. until a user id is known). @defaultValue true */
  enabled?: boolean;
  /** ms the data counts as fresh. @defaultValue the QueryClient's */
  staleTime?: number;
  /** ms unused data stays cached. @defaultValue the QueryClient's */
  gcTime?: number;
  /** Poll every this many ms, or false. @defaultValue false */
  refetchInterval?: number | false;
  refetchOnWindowFocus?: boolean;
  /** Number of retries, or false; the default retries passing faults twice and never a bad query. */
  retry?: boolean | number;
  /** Rethrow errors to the nearest error boundary. @defaultValue false */
  throwOnError?: boolean;
}
