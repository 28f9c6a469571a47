/**
 * `userlens/core`: the client contract, the in-memory client, figure computation and
 * formatting. Framework-free: imports neither React nor the DOM.
 */
export type * from './client/types.ts';
export type * from './client/dataset.ts';
export { UserlensError, isUserlensError, isPermanentError } from './client/errors.ts';
export type { UserlensErrorCode, UserlensErrorDetails } from './client/errors.ts';
export { createMemoryClient } from './client/memory/createMemoryClient.ts';
export type { MemoryClient, MemoryClientOptions } from './client/memory/createMemoryClient.ts';
export { observationCost, observationTokens, nearestRank, LEVELS } from './client/figures.ts';
export type { ObservationTokens } from './client/figures.ts';
export { pickGranularity, bucketStart } from './client/memory/getActivity.ts';
export { createFormatters } from './format/createFormatters.ts';
export type { FormatOptions, Formatters } from './format/createFormatters.ts';
