import type { Dataset, DatasetObservation, DatasetScore, DatasetTrace } from '../dataset.js';
import { UserlensError } from '../errors.js';
import { describeValue } from '../memory/validateRecord.js';
import { parseIsoDate } from '../parseIsoDate.js';
import { Dictionary } from '../memory/buildIndex.js';
import { containerOf, tableFromName, tableFromRow, type Table } from './detect.js';
import { readRecords, type RawRecord } from './records.js';
import { RowProblem, readObservation, readScore, readTrace, type TraceContext } from './rows.js';
import { knownSize, textChunks, type ExportBody } from './textChunks.js';

/** A file of an export: its name (a path within the export, such as `proj/traces/2026-07-10T10-00-00.jsonl.gz`) and its content. */
export interface LangfuseExportFile {
  name: string;
  body: ExportBody;
}

/**
 * What `loadLangfuseExport` reads: one file's content (text, bytes, a `Blob`, a stream, a
 * `fetch` response), a named file or a `File`, several of them (a folder picked in the
 * browser, a blob-storage run with its manifest), or JSON already parsed.
 */
export type LangfuseExportSource = ExportBody | LangfuseExportFile | readonly (LangfuseExportFile | File)[] | Record<string, unknown> | readonly unknown[];

export interface LangfuseExportProgress {
  /** The file being read. */
  file: string;
  /** Bytes read of all files (as stored, before gunzipping), and their total where known. */
  bytes: number;
  totalBytes: number | null;
  /** Rows read, and rows skipped as malformed (with `invalidRows: 'skip'`). */
  rows: number;
  skipped: number;
}

export interface LangfuseExportOptions {
  signal?: AbortSignal;
  /** Called as the files are read: every 16,384 rows, and at each file's end. */
  onProgress?: (progress: LangfuseExportProgress) => void;
  /**
   * A malformed row: `'stop'` rejects with an `invalid_dataset` error that names its file,
   * line and field; `'skip'` leaves it out and counts it (`skipped`, `errors`).
   * @defaultValue 'stop'
   */
  invalidRows?: 'stop' | 'skip';
  /**
   * Where files are read. In a browser, by default, in a Web Worker the package ships, so that
   * parsing a gigabyte leaves the page responsive; the page then receives the records in batches.
   * `false` reads on the calling thread (as outside browsers, and for JSON already parsed); a
   * function makes the worker, for a bundler that does not emit the package's own
   * (`() => new Worker(url, { type: 'module' })` with the URL it gives
   * `userlens/dist/client/export/exportWorker.js`). A worker that cannot start falls back to the
   * page unless it was handed a stream.
   * @defaultValue true
   */
  worker?: boolean | (() => ExportWorker);
}

/**
 * A Web Worker, by the members the loader uses: typed by its shape so that hosts compiled without
 * the DOM's types (a server) can import the types too. A `Worker` is one.
 */
export interface ExportWorker {
  postMessage(message: unknown, transfer: unknown[]): void;
  // A Worker types each listener's event by its type, overload by overload: `any` lets one match.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  addEventListener(type: 'message' | 'error', listener: (event: any) => void): void;
  terminate(): void;
}

/** A row left out, with where it was and why. */
export interface LangfuseExportRowError {
  file: string;
  line: number;
  field: string | null;
  message: string;
}

export interface LangfuseExportFileSummary {
  name: string;
  table: Table | 'mixed';
  rows: number;
  skipped: number;
}

export interface LoadedLangfuseExport {
  /** The records, for `createMemoryClient` or `createLoadingMemoryClient`. */
  dataset: Dataset;
  files: LangfuseExportFileSummary[];
  /** Rows left out as malformed (with `invalidRows: 'skip'`). */
  skipped: number;
  /** The first 100 of them. */
  errors: LangfuseExportRowError[];
  /** Rows given again (a blob-storage run's windows share their ends): each record is kept once, as last read. */
  duplicates: number;
  /** Files not read, and why: not JSON, JSON lines or CSV (a notice, Parquet), or a run still being written (after the newest manifest, unlisted). */
  ignoredFiles: { name: string; reason: string }[];
}

const MAX_ERRORS = 100;

/** The loader's body (see `loadLangfuseExport` in `../loadLangfuseExport.ts`, which loads it on first use). */
export async function loadLangfuseExport(source: LangfuseExportSource, options: LangfuseExportOptions = {}): Promise<LoadedLangfuseExport> {
  options.signal?.throwIfAborted();
  const files = await filesOf(source);
  const { worker = true } = options;
  const inBrowser = typeof window !== 'undefined' && typeof Worker === 'function';
  if ((typeof worker === 'function' || (worker && inBrowser)) && files.every((file): file is LangfuseExportFile => 'body' in file)) {
    const { loadInWorker, packagedWorker } = await import('./loadInWorker.js');
    return loadInWorker(files, options, typeof worker === 'function' ? worker : packagedWorker, () => loadHere(files, options));
  }
  return loadHere(files, options);
}

/** Reads the files on the calling thread. */
async function loadHere(files: (LangfuseExportFile | { name: string; parsed: unknown })[], options: LangfuseExportOptions): Promise<LoadedLangfuseExport> {
  const collector = new Collector(options);
  const totals = files.map((file) => ('body' in file ? knownSize(file.body) : 0));
  collector.totalBytes = totals.every((size) => size !== null) ? totals.reduce((sum: number, size) => sum + size!, 0) : null;
  for (const file of await selectedByManifests(files, collector)) {
    options.signal?.throwIfAborted();
    await collector.readFile(file);
  }
  return collector.result();
}

function isFile(value: unknown): value is File {
  return typeof File !== 'undefined' && value instanceof File;
}

function isBody(value: unknown): value is ExportBody {
  return (
    typeof value === 'string' ||
    value instanceof Uint8Array ||
    value instanceof ArrayBuffer ||
    (typeof Blob !== 'undefined' && value instanceof Blob) ||
    (typeof ReadableStream !== 'undefined' && value instanceof ReadableStream) ||
    (typeof Response !== 'undefined' && value instanceof Response)
  );
}

/** A `File`'s name with its folder when it came from a folder picker (`webkitRelativePath`). */
function fileName(file: File): string {
  return (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
}

async function filesOf(source: LangfuseExportSource): Promise<(LangfuseExportFile | { name: string; parsed: unknown })[]> {
  if (isFile(source)) return [{ name: fileName(source), body: source }];
  if (isBody(source)) return [{ name: 'export', body: source }];
  if (Array.isArray(source) && source.length > 0 && source.every((item) => isFile(item) || (item && typeof item === 'object' && 'name' in item && 'body' in item))) {
    return source.map((item) => (isFile(item) ? { name: fileName(item), body: item } : (item as LangfuseExportFile)));
  }
  if (source && typeof source === 'object' && !Array.isArray(source) && 'name' in source && 'body' in source && isBody((source as LangfuseExportFile).body)) {
    return [source as LangfuseExportFile];
  }
  return [{ name: 'export', parsed: source }];
}

const MANIFEST = /(?:^|\/)manifests\/[^/]+\.json$/i;
/** A file name's stem: the run it belongs to (`2026-07-10T10-00-00` of `…/traces/2026-07-10T10-00-00.jsonl.gz`). */
const stemOf = (name: string) => name.replace(/^.*\//, '').replace(/(\.(jsonl?|csv))?(\.gz)?$/i, '');
/** Names that hold no rows userlens reads; a name without an extension is read by its content. */
const NOT_DATA = /(^|\/)\.[^/]*$|\.(txt|md|parquet|html?|xml|pdf|png|jpe?g|zip|tar)$/i;

/**
 * The files to read. A file that is not JSON, JSON lines or CSV by its name (Langfuse's
 * deprecation notice, Parquet, a `.DS_Store`) is set aside. With runs' manifests among the files
 * (a manifest is written last and marks its run complete), a data file no manifest lists is read
 * if it is older than the newest manifest (runs from before Langfuse wrote manifests) and set
 * aside if newer (a run still being written); a listed file's row count is checked once read.
 */
async function selectedByManifests(files: (LangfuseExportFile | { name: string; parsed: unknown })[], collector: Collector) {
  const manifests = files.filter((file) => MANIFEST.test(file.name) && 'body' in file) as LangfuseExportFile[];
  const others = files.filter((file) => {
    if (manifests.includes(file as LangfuseExportFile)) return false;
    if (!NOT_DATA.test(file.name)) return true;
    collector.ignoredFiles.push({ name: file.name, reason: 'not a JSON, JSON lines or CSV file' });
    return false;
  });
  if (manifests.length === 0) return others;
  const listed = new Map<string, number | null>();
  for (const manifest of manifests) {
    let text = '';
    for await (const chunk of textChunks(manifest.body)) text += chunk;
    const parsed = JSON.parse(text) as { files?: { key?: unknown; rowCount?: unknown }[] };
    for (const entry of parsed.files ?? []) {
      if (typeof entry.key === 'string') listed.set(entry.key.replaceAll('\\', '/'), typeof entry.rowCount === 'number' ? entry.rowCount : null);
    }
  }
  const newest = manifests.map((manifest) => stemOf(manifest.name)).sort().at(-1)!;
  // A manifest's keys are full object keys; a picked folder's names may start lower down.
  const keyOf = (name: string) => [...listed.keys()].find((key) => key === name || key.endsWith(`/${name}`) || name.endsWith(`/${key}`));
  return others.filter((file) => {
    const key = keyOf(file.name.replaceAll('\\', '/'));
    if (key !== undefined) collector.expectedRows.set(file.name, listed.get(key) ?? null);
    else if (stemOf(file.name) > newest) {
      collector.ignoredFiles.push({ name: file.name, reason: 'a run no manifest lists yet (still being written)' });
      return false;
    }
    return true;
  });
}

/**
 * Whether instant `a` is before `b` (both already checked by the row readers). UTC texts of one
 * form (`…T…Z` with the same digits, as an export writes every time) compare as text, sparing a
 * parse per row; any other pair is parsed.
 */
function earlier(a: string, b: string): boolean {
  const plain = a.length === b.length && a.endsWith('Z') && b.endsWith('Z') && a.charCodeAt(0) >= 48 && b.charCodeAt(0) >= 48;
  return plain ? a < b : parseIsoDate(a) < parseIsoDate(b);
}

/** The records read so far, each kept once by id (the last read wins). */
class Collector {
  readonly traces: DatasetTrace[] = [];
  readonly observations: DatasetObservation[] = [];
  readonly scores: DatasetScore[] = [];
  // Ids numbered in order of first sight, as the records are pushed: a record's number is its
  // place. The index's own table of ids: at millions of rows a Map measured a tenth of the load
  // in its growth and the collections it caused.
  private readonly traceAt = new Dictionary();
  private readonly observationAt = new Dictionary();
  private readonly scoreAt = new Dictionary();
  /** Traces known only from their observations' rows, until a trace record (if any) is read. */
  private readonly contextAt = new Dictionary();
  private readonly contexts: { context: TraceContext; rootStart: string | null; firstStart: string }[] = [];
  readonly files: LangfuseExportFileSummary[] = [];
  readonly errors: LangfuseExportRowError[] = [];
  readonly expectedRows = new Map<string, number | null>();
  readonly ignoredFiles: { name: string; reason: string }[] = [];
  skipped = 0;
  duplicates = 0;
  rows = 0;
  bytes = 0;
  totalBytes: number | null = null;

  constructor(private readonly options: LangfuseExportOptions) {}

  async readFile(file: LangfuseExportFile | { name: string; parsed: unknown }): Promise<void> {
    const summary: LangfuseExportFileSummary = { name: file.name, table: 'mixed', rows: 0, skipped: 0 };
    this.files.push(summary);
    if ('parsed' in file) this.readParsed(file.parsed, summary);
    else {
      const chunks = textChunks(file.body, { signal: this.options.signal, onBytes: (bytes) => (this.bytes += bytes) });
      // The first characters tell how the file holds its rows: read until a line ends.
      let head = '';
      let ended = false;
      while (!head.includes('\n') && head.length < 1 << 20) {
        const piece = await chunks.next();
        if (piece.done) {
          ended = true;
          break;
        }
        head += piece.value;
      }
      const container = containerOf(file.name, head);
      const rest = async function* () {
        if (head) yield head;
        if (!ended) for await (const piece of { [Symbol.asyncIterator]: () => chunks }) yield piece;
      };
      if (container === 'json-object') {
        let text = '';
        for await (const chunk of rest()) text += chunk;
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          this.problem(summary, 1, null, 'The file is not JSON, JSON lines or CSV');
          return;
        }
        this.readParsed(parsed, summary);
      } else {
        const named = tableFromName(file.name);
        if (named) summary.table = named;
        try {
          for await (const batch of readRecords(rest(), container)) for (const record of batch) this.readRecord(record, named, summary);
        } catch (error) {
          if (error instanceof SyntaxError) this.problem(summary, 0, null, `The file is not a JSON array: expected ${error.message}`);
          else throw error;
        }
      }
    }
    const expected = this.expectedRows.get(file.name);
    if (expected != null && expected !== summary.rows + summary.skipped) {
      this.problem(summary, 0, null, `Its run's manifest lists ${expected} rows; the file holds ${summary.rows + summary.skipped} (a file cut short?)`);
    }
    this.progress(file.name);
  }

  /** JSON already parsed: an array of rows, an API page (`{ data }`), a dataset or a trace download. */
  private readParsed(value: unknown, summary: LangfuseExportFileSummary): void {
    const rows = (list: unknown, table: Table | null) => {
      if (!Array.isArray(list)) return;
      list.forEach((row, index) =>
        this.readRecord(row && typeof row === 'object' && !Array.isArray(row) ? { line: index + 1, value: row as Record<string, unknown> } : { line: index + 1, error: 'a JSON object' }, table, summary),
      );
    };
    if (Array.isArray(value)) return rows(value, null);
    if (!value || typeof value !== 'object') return this.problem(summary, 1, null, 'The file holds no rows: expected an array or an object of arrays');
    const object = value as Record<string, unknown>;
    if (Array.isArray(object.data)) return rows(object.data, null);
    // A trace download: `{ trace, observations }`, `{ observations, scores }`, or a trace with its details.
    if (object.trace && typeof object.trace === 'object') rows([object.trace], 'traces');
    else if (typeof object.id === 'string' && 'timestamp' in object) rows([object], 'traces');
    rows(object.traces, 'traces');
    rows(object.observations, 'observations');
    rows(object.scores, 'scores');
  }

  private readRecord(record: RawRecord, named: Table | null, summary: LangfuseExportFileSummary): void {
    if ('error' in record) return this.problem(summary, record.line, null, `The row must be ${record.error}`);
    const row = record.value;
    const table = named ?? tableFromRow(row);
    if (!table) return this.problem(summary, record.line, null, 'The row is neither a trace, an observation nor a score (no timestamp, startTime or dataType)');
    if (summary.table === 'mixed' && !named && summary.rows === 0) summary.table = table;
    try {
      if (table === 'traces') this.keep(this.traces, this.traceAt, readTrace(row));
      else if (table === 'scores') this.keep(this.scores, this.scoreAt, readScore(row));
      else {
        const { observation, context } = readObservation(row);
        this.keep(this.observations, this.observationAt, observation);
        if (context) this.note(context, observation.startTime);
      }
    } catch (error) {
      if (!(error instanceof RowProblem)) throw error;
      return this.problem(summary, record.line, error.field, `Field "${error.field}" must be ${error.expectation}, got ${describeValue(error.value)}`);
    }
    summary.rows++;
    this.rows++;
    if (this.rows % 16_384 === 0) this.progress(summary.name);
  }

  private keep<T extends { id: string }>(list: T[], at: Dictionary, record: T): void {
    const index = at.id(record.id);
    if (index === list.length) list.push(record);
    else {
      list[index] = record;
      this.duplicates++;
    }
  }

  private note(context: TraceContext, start: string): void {
    const index = this.contextAt.id(context.traceId);
    const known = this.contexts[index];
    if (!known) this.contexts.push({ context, rootStart: context.root ? start : null, firstStart: start });
    else if (context.root) known.rootStart = start;
    // The first start matters only for a trace without a root observation.
    else if (known.rootStart === null && earlier(start, known.firstStart)) known.firstStart = start;
  }

  private problem(summary: LangfuseExportFileSummary, line: number, field: string | null, message: string): void {
    const where = line > 0 ? `${summary.name}, line ${line}` : summary.name;
    if (this.options.invalidRows !== 'skip') {
      throw new UserlensError('invalid_dataset', `Invalid export: ${where}: ${message}. Pass invalidRows: 'skip' to leave such rows out.`, { where, field: field ?? undefined });
    }
    summary.skipped++;
    this.skipped++;
    if (this.errors.length < MAX_ERRORS) this.errors.push({ file: summary.name, line, field, message });
  }

  private progress(file: string): void {
    this.options.onProgress?.({ file, bytes: this.bytes, totalBytes: this.totalBytes, rows: this.rows, skipped: this.skipped });
  }

  result(): LoadedLangfuseExport {
    // Traces told only by their observations (enriched exports): dated by the trace's own time
    // where the rows give it, else by its root observation's start, else its first one's.
    for (const { context, rootStart, firstStart } of this.contexts) {
      if (this.traceAt.find(context.traceId) >= 0) continue;
      this.traces.push({
        id: context.traceId,
        timestamp: context.timestamp ?? rootStart ?? firstStart,
        name: context.name,
        userId: context.userId,
        sessionId: context.sessionId,
        tags: context.tags ?? [],
        environment: context.environment,
        release: context.release,
      });
    }
    return {
      dataset: { traces: this.traces, observations: this.observations, scores: this.scores },
      files: this.files,
      skipped: this.skipped,
      errors: this.errors,
      duplicates: this.duplicates,
      ignoredFiles: this.ignoredFiles,
    };
  }
}
