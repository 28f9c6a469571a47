import type { FakeIndex } from './fakeIndex.js';
import { isoFromMs } from './isoTime.js';
import { offsetPage, pageParams } from './offsetPage.js';
import { arrayParam, dateParam } from './params.js';

/**
 * GET /api/public/sessions (Langfuse v3; gone in v4): one row per distinct trace `sessionId`,
 * created at its first trace's timestamp with that trace's environment; newest first, then id
 * descending; `fromTimestamp` / `toTimestamp` apply to `createdAt`.
 */
export function getSessions(index: FakeIndex, url: URL) {
  const params = url.searchParams;
  const { page, limit } = pageParams(params, Infinity);
  const from = dateParam(params, 'fromTimestamp') ?? -Infinity;
  const to = dateParam(params, 'toTimestamp') ?? Infinity;
  const environments = arrayParam(params, 'environment');

  const sessions: { id: string; createdMs: number; environment: string }[] = [];
  for (const [id, traces] of index.tracesBySession) {
    let first = traces[0]!;
    for (const t of traces) if (index.traceTime[t]! < index.traceTime[first]!) first = t;
    const createdMs = index.traceTime[first]!;
    const environment = index.traces[first]!.environment || 'default';
    if (createdMs < from || createdMs >= to) continue;
    if (environments && !environments.includes(environment)) continue;
    sessions.push({ id, createdMs, environment });
  }
  sessions.sort((a, b) => b.createdMs - a.createdMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));

  const { items, meta } = offsetPage(sessions, page, limit);
  return {
    data: items.map((session) => ({ id: session.id, createdAt: isoFromMs(session.createdMs), projectId: index.projectId, environment: session.environment })),
    meta,
  };
}
