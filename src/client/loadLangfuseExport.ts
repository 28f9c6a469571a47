import type { LangfuseExportOptions, LangfuseExportSource, LoadedLangfuseExport } from './export/loadLangfuseExport.js';

/**
 * Reads a Langfuse export into the dataset the memory client takes, whatever Langfuse wrote:
 * the public API's JSON (traces, observations v1/v2, scores v2/v3), the UI's table exports and
 * trace downloads, and blob-storage runs in either mode (`traces/` + `observations/` +
 * `scores/`, or enriched `observations_v2/` + `scores/`) as JSONL, JSON or CSV, gzipped or
 * not, with a run's manifest. Files are read as streams, row by row; a malformed row is named
 * by its file, line and field. Its code loads on first use.
 *
 * @example
 * const { dataset } = await loadLangfuseExport([...input.files]);
 * <UserTrackingProvider client={createLoadingMemoryClient(dataset)}>…
 */
export async function loadLangfuseExport(source: LangfuseExportSource, options?: LangfuseExportOptions): Promise<LoadedLangfuseExport> {
  const { loadLangfuseExport: load } = await import('./export/loadLangfuseExport.js');
  return load(source, options);
}
