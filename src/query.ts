/**
 * `userlens/query`: the query factories and the clients, for code that runs on a server (a
 * Next.js Server Component, a loader) and prefetches what the views will ask for. No module
 * below it is `'use client'` and none imports React DOM; `@tanstack/react-query` is used for
 * `queryOptions` and `skipToken` only.
 *
 * @example
 * const queryClient = new QueryClient();
 * await queryClient.prefetchQuery(userTrackingQueries.users(client, query));
 * return <HydrationBoundary state={dehydrate(queryClient)}>…</HydrationBoundary>;
 */
export { userTrackingQueries, clientKey } from './hooks/queries.js';
export type * from './client/types.js';
export type * from './client/dataset.js';
export { UserlensError, isUserlensError } from './client/errors.js';
export type { UserlensErrorCode, UserlensErrorDetails } from './client/errors.js';
export { createMemoryClient } from './client/memory/createMemoryClient.js';
export type { MemoryClient, MemoryClientOptions } from './client/memory/createMemoryClient.js';
export { createLangfuseClient } from './client/langfuse/createLangfuseClient.js';
export type { LangfuseClient, LangfuseClientOptions } from './client/langfuse/createLangfuseClient.js';
export type { RequestHeaders, RetryOptions } from './client/http/requestJson.js';
