import { LEVELS, observationCost, observationTokens } from '../figures.js';
import { parseIsoDate } from '../parseIsoDate.js';
import { parseRange } from '../query.js';
import type { ObservationLevel, ObservationRow, ObservationsQuery } from '../types.js';
import { compareIds, type MemoryIndex } from './buildIndex.js';
import { findUser, userSlice } from './userSlice.js';

/*
 * A trace's timeline. A module of its own that the client loads on the first call: a trace's
 * observations are read when someone opens one, not when the list loads.
 */

export function listObservations(index: MemoryIndex, query: ObservationsQuery): ObservationRow[] {
  const range = parseRange(query.range, 'listObservations');
  const u = findUser(index, query.userId);
  if (u < 0) return [];
  // The user's traces are contiguous: the trace is found among theirs, never another user's.
  const [lo, hi] = userSlice(index, u, range);
  let p = lo;
  while (p < hi && index.traces[p]!.id !== query.traceId) p++;
  if (p === hi) return [];
  const rows: ObservationRow[] = [];
  for (let o = index.observationOffsets[p]!; o < index.observationOffsets[p + 1]!; o++) {
    const record = index.observations[index.observationRecord[o]!]!;
    const tokens = observationTokens(record.usageDetails);
    const start = parseIsoDate(record.startTime);
    const end = record.endTime ? parseIsoDate(record.endTime) : null;
    rows.push({
      id: record.id,
      traceId: query.traceId,
      parentObservationId: text(record.parentObservationId),
      name: text(record.name),
      type: text(record.type),
      startTime: record.startTime,
      endTime: record.endTime ?? null,
      durationMs: end === null ? null : Math.max(0, end - start),
      model: record.model || null,
      level: (LEVELS as readonly string[]).includes(record.level as string) ? (record.level as ObservationLevel) : 'DEFAULT',
      statusMessage: text(record.statusMessage),
      inputTokens: tokens.input,
      outputTokens: tokens.output,
      totalTokens: tokens.total,
      totalCost: observationCost(record.totalCost, record.costDetails),
    });
  }
  return rows.sort((a, b) => parseIsoDate(a.startTime) - parseIsoDate(b.startTime) || compareIds(a.id, b.id));
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
