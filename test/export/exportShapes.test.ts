import { describe, expect, it } from 'vitest';
import { UserlensError, createMemoryClient, loadLangfuseExport } from '../../src/core.ts';

/**
 * Files shaped as Langfuse writes them, written by hand from its field reference and export
 * code (facts only): CSV with every field quoted and JSON text in cells, JSONL with usage counts
 * as strings and prices as decimal strings, six-digit UTC times without a zone, the trace
 * download's `{ observations, scores }`, the API's pages with a v3 categorical label in `value`.
 * Each test's figures are worked out by hand from the rows.
 */

const LEGACY_TRACES_CSV = [
  '"id","timestamp","name","environment","project_id","metadata","user_id","session_id","release","version","public","bookmarked","tags","input","output","created_at","updated_at"',
  '"t-1","2026-07-10 09:15:00.123","chat","production","p","{""plan"":""pro"",""region"":""eu""}","ana@example.com","s-1","v2","","false","false","[""chat"",""beta""]","{""question"":""hi, \\""there\\""""}","plain text answer","2026-07-10 09:15:00.123","2026-07-10 09:15:01.000"',
  '"t-2","2026-07-10 09:40:00.000","chat","production","p","{}","ana@example.com","","","","false","false","[]","","","2026-07-10 09:40:00.000","2026-07-10 09:40:00.000"',
  // A trace without a user: read, left out of every user's figures.
  '"t-3","2026-07-10 09:50:00.000","cron","production","p","{}","","","","","false","false","[]","","","2026-07-10 09:50:00.000","2026-07-10 09:50:00.000"',
].join('\n');

const LEGACY_OBSERVATIONS_CSV = [
  '"id","trace_id","project_id","environment","type","parent_observation_id","start_time","end_time","name","metadata","level","status_message","version","input","output","provided_model_name","model_parameters","usage_details","cost_details","completion_start_time","prompt_name","prompt_version","total_cost","latency","time_to_first_token","model_id","created_at","updated_at","prompt_id","tool_calls","tool_call_names","tool_definitions","usage_pricing_tier_name","input_price","output_price","total_price"',
  '"o-1","t-1","p","production","GENERATION","","2026-07-10 09:15:00.200","2026-07-10 09:15:02.200","llm","{}","DEFAULT","","","","","gpt-4o","{""temperature"":0}","{""input"":""100"",""output"":""20""}","{""input"":0.01,""output"":0.02}","","","","0.03","2","","m","2026-07-10 09:15:00.200","2026-07-10 09:15:00.200","","[]","[]","{}","","0.0001","0.001",""',
  // An error, no usage, no cost: a multi-line status message inside its quotes.
  '"o-2","t-1","p","production","SPAN","o-1","2026-07-10 09:15:00.300","2026-07-10 09:15:03.123","tool","{}","ERROR","timeout\nafter 3 s","","","","","","{}","{}","","","","","2.823","","","2026-07-10 09:15:00.300","2026-07-10 09:15:00.300","","[]","[]","{}","","","",""',
  // Only `total` in usage; cost from cost_details.total.
  '"o-3","t-2","p","production","GENERATION","","2026-07-10 09:40:00.000","","llm","{}","WARNING","","","","","gpt-4o-mini","","{""total"":""7""}","{""total"":0.5}","","","","","","","","2026-07-10 09:40:00.000","2026-07-10 09:40:00.000","","[]","[]","{}","","","",""',
].join('\r\n');

const SCORES_JSONL =
  [
    { id: 'sc-1', timestamp: '2026-07-10 09:16:00.000000', project_id: 'p', environment: 'production', trace_id: 't-1', observation_id: null, session_id: null, dataset_run_id: null, name: 'helpful', value: 1, source: 'API', comment: null, data_type: 'BOOLEAN', string_value: 'True', created_at: '2026-07-10 09:16:00.000000', updated_at: '2026-07-10 09:16:00.000000' },
    { id: 'sc-2', timestamp: '2026-07-10 09:41:00.000000', project_id: 'p', environment: 'production', trace_id: 't-2', observation_id: null, session_id: null, dataset_run_id: null, name: 'helpful', value: 0, source: 'ANNOTATION', comment: 'wrong tone', data_type: 'BOOLEAN', string_value: 'False', created_at: '2026-07-10 09:41:00.000000', updated_at: '2026-07-10 09:41:00.000000' },
    { id: 'sc-3', timestamp: '2026-07-10 09:42:00.000000', project_id: 'p', environment: 'production', trace_id: 't-2', observation_id: null, session_id: null, dataset_run_id: null, name: 'note', value: 0, source: 'ANNOTATION', comment: null, data_type: 'TEXT', string_value: 'see ticket', created_at: '2026-07-10 09:42:00.000000', updated_at: '2026-07-10 09:42:00.000000' },
  ]
    .map((row) => `${JSON.stringify(row)}\n`)
    .join('');

describe('loadLangfuseExport — files shaped as Langfuse writes them', () => {
  it('a legacy blob run in CSV (CRLF lines, quoted newlines, JSON in cells) and scores in JSONL', async () => {
    const { dataset, files } = await loadLangfuseExport([
      { name: 'p/traces/2026-07-10T10-00-00.csv', body: LEGACY_TRACES_CSV },
      { name: 'p/observations/2026-07-10T10-00-00.csv', body: LEGACY_OBSERVATIONS_CSV },
      { name: 'p/scores/2026-07-10T10-00-00.jsonl', body: SCORES_JSONL },
    ]);
    expect(files.map(({ table, rows }) => [table, rows])).toEqual([
      ['traces', 3],
      ['observations', 3],
      ['scores', 3],
    ]);
    expect(dataset.traces[0]).toMatchObject({ id: 't-1', timestamp: '2026-07-10T09:15:00.123Z', tags: ['chat', 'beta'], metadata: { plan: 'pro', region: 'eu' }, input: { question: 'hi, "there"' }, output: 'plain text answer' });
    expect(dataset.observations![1]).toMatchObject({ level: 'ERROR', statusMessage: 'timeout\nafter 3 s', usageDetails: {}, costDetails: {}, totalCost: null });
    const client = createMemoryClient(dataset);
    const ana = await client.getUser('ana@example.com', { range: {} });
    expect(ana).toMatchObject({
      traceCount: 2,
      observationCount: 3,
      inputTokens: 100,
      outputTokens: 20,
      // 100 + 20 for o-1; 7 for o-3 (its total).
      totalTokens: 127,
      // 0.03 (total_cost) + 0.5 (cost_details.total).
      totalCost: 0.53,
      errorCount: 1,
      firstEvent: '2026-07-10T09:15:00.123Z',
      lastEvent: '2026-07-10T09:40:00.000Z',
    });
    expect(ana!.scores).toEqual([{ name: 'helpful', dataType: 'BOOLEAN', count: 2, mean: 0.5 }]);
    expect(client.ignored.tracesWithoutUser).toBe(1);
  });

  it('an enriched blob run: traces made from the rows, dated by their root observation', async () => {
    const row = (id: string, parent: string, start: string, extra: Record<string, unknown> = {}) => ({
      id, trace_id: 'tr-9', project_id: 'p', type: 'GENERATION', parent_observation_id: parent, start_time: start, end_time: '', name: 'step', level: 'DEFAULT', status_message: '', version: '',
      environment: 'production', bookmarked: false, public: false, user_id: 'bo', session_id: 'sess-9', completion_start_time: null, created_at: start, updated_at: start, input: '', output: '',
      metadata: {}, provided_model_name: 'claude', model_id: '', model_parameters: '', usage_details: { input: '5', output: '1' }, cost_details: {}, total_cost: 0.25, usage_pricing_tier_id: '',
      usage_pricing_tier_name: '', prompt_id: '', prompt_name: '', prompt_version: null, latency: 0, time_to_first_token: null, trace_name: 'agent run', tags: ['agent'], release: 'v9',
      input_price: '0.000003', output_price: '0.000015', total_price: null, ...extra,
    });
    // The child is listed first, and starts earlier than the root (clock skew): the root dates the trace.
    const jsonl = [row('c', 'r', '2026-07-10 08:59:59.999000'), row('r', '', '2026-07-10 09:00:00.000123')].map((r) => JSON.stringify(r)).join('\n');
    const { dataset } = await loadLangfuseExport({ name: 'p/observations_v2/2026-07-10T10-00-00.jsonl', body: jsonl });
    expect(dataset.traces).toEqual([{ id: 'tr-9', timestamp: '2026-07-10T09:00:00.000123Z', name: 'agent run', userId: 'bo', sessionId: 'sess-9', tags: ['agent'], environment: 'production', release: 'v9' }]);
    const bo = await createMemoryClient(dataset).getUser('bo', { range: {} });
    expect(bo).toMatchObject({ traceCount: 1, observationCount: 2, inputTokens: 10, outputTokens: 2, totalTokens: 12, totalCost: 0.5, sessionCount: 1 });
  });

  it('a trace whose root is not in the export is dated by its earliest observation, whatever form each start is written in', async () => {
    const row = (id: string, start: string) => ({ id, trace_id: 'tr-7', type: 'SPAN', parent_observation_id: 'not-exported', start_time: start, user_id: 'di', trace_name: 'orphans' });
    // Equal-length UTC texts compare as text; an offset or another precision is compared by instant.
    const starts = ['2026-07-10 09:00:00.500000', '2026-07-10T10:59:00.000+02:00', '2026-07-10 09:00:00.400000', '2026-07-10T08:59:59Z'];
    const jsonl = starts.map((start, i) => JSON.stringify(row(`o-${i}`, start))).join('\n');
    const { dataset } = await loadLangfuseExport({ name: 'p/observations_v2/2026-07-10T10-00-00.jsonl', body: jsonl });
    expect(dataset.traces).toMatchObject([{ id: 'tr-7', timestamp: '2026-07-10T10:59:00.000+02:00' }]);
    // Without the offset start, the earliest of the rest.
    const rest = starts.filter((_, i) => i !== 1).map((start, i) => JSON.stringify(row(`o-${i}`, start))).join('\n');
    expect((await loadLangfuseExport({ name: 'p/observations_v2/run.jsonl', body: rest })).dataset.traces).toMatchObject([{ timestamp: '2026-07-10T08:59:59Z' }]);
    const blobOnly = [starts[0], starts[2]].map((start, i) => JSON.stringify(row(`o-${i}`, start!))).join('\n');
    expect((await loadLangfuseExport({ name: 'p/observations_v2/run.jsonl', body: blobOnly })).dataset.traces).toMatchObject([{ timestamp: '2026-07-10T09:00:00.400000Z' }]);
  });

  it('the trace download (`{ observations, scores }`, pretty-printed) and API pages with a v3 categorical label', async () => {
    const download = JSON.stringify(
      {
        observations: [
          { id: 'o-1', traceId: 'tr-1', userId: 'cy', sessionId: null, traceName: 'qa', tags: [], startTime: '2026-07-10T09:00:00.000Z', endTime: '2026-07-10T09:00:01.500Z', parentObservationId: null, type: 'GENERATION', level: 'DEFAULT', model: 'gpt-4o', usageDetails: { input: 3, output: 4 }, costDetails: {}, providedCostDetails: {}, latency: 1.5 },
        ],
        scores: [{ id: 'sc-1', traceId: 'tr-1', name: 'topic', source: 'EVAL', dataType: 'CATEGORICAL', stringValue: 'billing', timestamp: '2026-07-10T09:01:00.000Z' }],
      },
      null,
      2,
    );
    const page = JSON.stringify({
      data: [
        // v3: a categorical score's label in `value`.
        { id: 'sc-2', traceId: 'tr-1', name: 'topic', source: 'EVAL', dataType: 'CATEGORICAL', value: 'refunds', timestamp: '2026-07-10T09:02:00.000Z' },
        { id: 'sc-3', traceId: 'tr-1', name: 'accuracy', source: 'EVAL', dataType: 'NUMERIC', value: 0.75, timestamp: '2026-07-10T09:03:00.000Z' },
      ],
      meta: { page: 1, limit: 50, totalItems: 2, totalPages: 1 },
    });
    // An observation whose traceId is null (the API's v2 observations can have one): read, counted, in no figure.
    const observations = JSON.stringify({ data: [{ id: 'o-x', traceId: null, startTime: '2026-07-10T09:00:00.000Z', type: 'EVENT', usageDetails: {}, costDetails: {} }], meta: { cursor: null } });
    const { dataset } = await loadLangfuseExport([
      { name: 'trace-tr-1.json', body: download },
      { name: 'scores.json', body: page },
      { name: 'observations.json', body: observations },
    ]);
    expect(dataset.scores!.map((s) => [s.id, s.value, s.stringValue])).toEqual([
      ['sc-1', null, 'billing'],
      ['sc-2', null, 'refunds'],
      ['sc-3', 0.75, null],
    ]);
    const client = createMemoryClient(dataset);
    expect(await client.getUser('cy', { range: {} })).toMatchObject({ traceCount: 1, totalTokens: 7, latencyP50: 1500, scores: [{ name: 'accuracy', dataType: 'NUMERIC', count: 1, mean: 0.75 }] });
    expect(client.ignored.observationsWithoutTrace).toBe(1);
  });
});

describe('loadLangfuseExport — malformed rows', () => {
  const traces = ['{"id":"a","timestamp":"2026-07-10 09:00:00.000000","user_id":"u"}', '{"id":"b","timestamp":"yesterday","user_id":"u"}', '{"id":"c",', '{"id":"d","timestamp":"2026-07-10 09:05:00.000000","user_id":"u"}'].join('\n');

  it('stops at the first, naming its file, line and field', async () => {
    const error = await loadLangfuseExport({ name: 'p/traces/x.jsonl', body: traces }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserlensError);
    expect(error).toMatchObject({ code: 'invalid_dataset', where: 'p/traces/x.jsonl, line 2', field: 'timestamp' });
    expect((error as Error).message).toContain('Field "timestamp" must be an ISO-8601 date-time or YYYY-MM-DD HH:MM:SS.ffffff (UTC), got "yesterday" (string)');
  });

  it('or skips and counts them, with where and why', async () => {
    const loaded = await loadLangfuseExport({ name: 'p/traces/x.jsonl', body: traces }, { invalidRows: 'skip' });
    expect(loaded.dataset.traces.map((t) => t.id)).toEqual(['a', 'd']);
    expect(loaded.skipped).toBe(2);
    expect(loaded.errors).toEqual([
      { file: 'p/traces/x.jsonl', line: 2, field: 'timestamp', message: expect.stringContaining('"yesterday"') },
      { file: 'p/traces/x.jsonl', line: 3, field: null, message: 'The row must be valid JSON' },
    ]);
    expect(loaded.files).toEqual([{ name: 'p/traces/x.jsonl', table: 'traces', rows: 2, skipped: 2 }]);
  });

  it('reads brackets, commas and escaped quotes inside strings of a JSON array as text', async () => {
    const body = ' [ {"id":"a]","timestamp":"2026-07-10T09:00:00Z","name":"x, \\"[y]\\" {z}","userId":"u"} ,\n{"id":"b","timestamp":"2026-07-10T09:01:00Z","userId":"u"} ] \n';
    const { dataset } = await loadLangfuseExport({ name: 'traces.json', body });
    expect(dataset.traces.map((t) => [t.id, t.name])).toEqual([
      ['a]', 'x, "[y]" {z}'],
      ['b', null],
    ]);
  });

  it('keeps a record given twice (runs share their windows’ ends) once, as last read', async () => {
    const first = '{"id":"a","timestamp":"2026-07-10 09:00:00.000000","user_id":"u","name":"old"}\n';
    const second = '{"id":"a","timestamp":"2026-07-10 09:00:00.000000","user_id":"u","name":"new"}\n';
    const loaded = await loadLangfuseExport([
      { name: 'p/traces/1.jsonl', body: first },
      { name: 'p/traces/2.jsonl', body: second },
    ]);
    expect(loaded.dataset.traces).toMatchObject([{ id: 'a', name: 'new' }]);
    expect(loaded.duplicates).toBe(1);
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    controller.abort(new Error('left the page'));
    await expect(loadLangfuseExport({ name: 'p/traces/x.jsonl', body: traces }, { signal: controller.signal })).rejects.toThrow('left the page');
  });

  it('sets aside files that hold no rows (a notice, Parquet, .DS_Store) and reads the rest', async () => {
    const loaded = await loadLangfuseExport([
      { name: 'p/DEPRECATION_NOTICE.txt', body: 'DEPRECATION NOTICE\n==================\nThe legacy export …' },
      { name: 'p/traces/.DS_Store', body: new Uint8Array([0, 0, 0, 1, 66, 117, 100, 49]) },
      { name: 'p/observations_v2/2026-07-10T10-00-00.parquet', body: new Uint8Array([80, 65, 82, 49]) },
      { name: 'p/traces/x.jsonl', body: traces.split('\n')[0]! },
    ]);
    expect(loaded.dataset.traces.map((t) => t.id)).toEqual(['a']);
    expect(loaded.ignoredFiles.map((file) => file.name)).toEqual(['p/DEPRECATION_NOTICE.txt', 'p/traces/.DS_Store', 'p/observations_v2/2026-07-10T10-00-00.parquet']);
  });

  it('reads gzip however the stream cuts its first bytes, a byte-order mark, and refuses a failed download', async () => {
    const { gzipSync } = await import('node:zlib');
    const zipped = new Uint8Array(gzipSync(Buffer.from(traces.split('\n')[0]!)));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(zipped.slice(0, 1));
        controller.enqueue(zipped.slice(1));
        controller.close();
      },
    });
    expect((await loadLangfuseExport({ name: 'p/traces/x.jsonl.gz', body: stream })).dataset.traces.map((t) => t.id)).toEqual(['a']);
    expect((await loadLangfuseExport({ name: 'p/traces/x.csv', body: '\uFEFF"id","timestamp","user_id"\n"a","2026-07-10 09:00:00.000","u"\n' })).dataset.traces.map((t) => t.id)).toEqual(['a']);
    await expect(loadLangfuseExport(new Response('<Error><Code>AccessDenied</Code></Error>', { status: 403 }))).rejects.toMatchObject({ code: 'network', status: 403 });
  });
});
