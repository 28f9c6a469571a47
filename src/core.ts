/**
 * `userlens/core`: the client contract, the in-memory client, figure computation and
 * formatting. Framework-free: imports neither React nor the DOM.
 */
export type * from './client/types.js';
export type * from './client/dataset.js';
export { UserlensError, isUserlensError, isPermanentError } from './client/errors.js';
export type { UserlensErrorCode, UserlensErrorDetails } from './client/errors.js';
export { createMemoryClient } from './client/memory/createMemoryClient.js';
export type { MemoryClient, MemoryClientOptions } from './client/memory/createMemoryClient.js';
export { loadMemoryClient } from './client/memory/loadMemoryClient.js';
export type { LoadMemoryClientOptions } from './client/memory/loadMemoryClient.js';
export { loadLangfuseExport } from './client/loadLangfuseExport.js';
export { createHttpClient } from './client/createHttpClient.js';
export type { HttpClientOptions } from './client/createHttpClient.js';
export type {
  ExportWorker,
  LangfuseExportFile,
  LangfuseExportFileSummary,
  LangfuseExportOptions,
  LangfuseExportProgress,
  LangfuseExportRowError,
  LangfuseExportSource,
  LoadedLangfuseExport,
} from './client/export/loadLangfuseExport.js';
export type { ExportBody } from './client/export/textChunks.js';
export { createLangfuseClient } from './client/langfuse/createLangfuseClient.js';
export type { LangfuseClient, LangfuseClientOptions } from './client/langfuse/createLangfuseClient.js';
export type { RequestHeaders, RetryOptions } from './client/http/requestJson.js';
export { observationCost, observationTokens, nearestRank, foldCase, LEVELS, NUMERIC_USER_FIGURES, scoreFigureName } from './client/figures.js';
export type { ObservationTokens } from './client/figures.js';
export { pickGranularity, bucketStart } from './client/calendar.js';
export { createFormatters } from './format/createFormatters.js';
export type { FormatOptions, Formatters } from './format/createFormatters.js';
export { resolveRange, RANGE_PRESETS, RANGE_PRESET_IDS } from './format/dateRangePresets.js';
export type { RangeValue, RangePreset, RelativePreset } from './format/dateRangePresets.js';
export { toCsv, csvCell, csvLine } from './format/toCsv.js';
export type { CsvValue } from './format/toCsv.js';
export { exportUsers } from './client/exportUsers.js';
export { profileName, profileOf, profileValue } from './client/profiles.js';
export { exportUser } from './client/exportUser.js';
export type { ExportUserOptions, ExportUserQuery, UserExportKind } from './client/exportUser.js';
export type { ExportColumn, ExportProgress, ExportUsersOptions } from './client/exportUsers.js';
export { previewValue } from './format/previewValue.js';
export type { Preview } from './format/previewValue.js';
