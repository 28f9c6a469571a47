import type { TraceRow } from '../types.js';
import type { LangfuseApi } from './langfuseApi.js';

/**
 * Input and output of a page of traces, read from their root observations in one request only
 * for the rows on screen: the user's other observations are fetched without payloads, which can
 * be large.
 */
export async function withTraceIo(api: LangfuseApi, rows: TraceRow[], signal?: AbortSignal): Promise<TraceRow[]> {
  if (rows.length === 0) return rows;
  const ids = rows.map((row) => row.id);
  const { data } = await api.observations(
    {
      fields: 'core,io',
      limit: Math.min(1000, ids.length),
      filter: JSON.stringify([
        { type: 'stringOptions', column: 'traceId', operator: 'any of', value: ids },
        { type: 'boolean', column: 'isRootObservation', operator: '=', value: true },
      ]),
    },
    signal,
  );
  const byTrace = new Map(data.map((root) => [root.traceId, root]));
  return rows.map((row) => {
    const root = byTrace.get(row.id);
    return root ? { ...row, input: fromRawText(root.input), output: fromRawText(root.output) } : row;
  });
}

/** v2 answers input and output as raw text; JSON text is shown as the JSON it encodes. */
function fromRawText(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  const text = value.trim();
  if (!/^[[{"]/.test(text)) return value;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return value;
  }
}
