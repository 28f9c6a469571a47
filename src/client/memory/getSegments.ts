import { UserlensError } from '../errors.js';
import { parseRange } from '../query.js';
import type { Segment, Segments, SegmentsQuery } from '../types.js';
import { compareIds, type MemoryIndex } from './buildIndex.js';
import { TraceFilter, metadataText } from './TraceFilter.js';
import { userSlice } from './userSlice.js';

/*
 * Users grouped by a trace attribute: cost per customer when tags name them (`org:acme`). A
 * module of its own that the client loads on the first call.
 */

const where = 'getSegments';

interface Group {
  users: Set<number>;
  traces: number;
  errors: number;
  tokens: number;
  cost: number;
  scoreSum: number;
  scoreCount: number;
  /** Sessions whose scores the group has counted: a session score counts once per segment. */
  sessions: Set<number>;
}

export function getSegments(index: MemoryIndex, query: SegmentsQuery): Segments {
  const { dimension, prefix = '', scoreName } = query;
  const metadataKey = typeof dimension === 'string' && dimension.startsWith('metadata.') ? dimension.slice(9) : null;
  if (dimension !== 'environment' && dimension !== 'tags' && dimension !== 'release' && !metadataKey) {
    throw new UserlensError('invalid_query', `${where}: dimension must be environment, tags, release or metadata.<key>, got ${JSON.stringify(dimension)}.`, { where, field: 'dimension' });
  }
  const range = parseRange(query.range, where);
  const filter = new TraceFilter(index, query.filters);
  const scoreNameId = scoreName === undefined ? -1 : index.scoreNames.indexOf(scoreName);
  const groups = new Map<string | null, Group>();
  const add = (value: string | null, u: number, p: number) => {
    let group = groups.get(value);
    if (!group) groups.set(value, (group = { users: new Set(), traces: 0, errors: 0, tokens: 0, cost: 0, scoreSum: 0, scoreCount: 0, sessions: new Set() }));
    group.users.add(u);
    group.traces++;
    group.errors += index.hasError[p]!;
    group.tokens += index.totalTokens[p]!;
    group.cost += index.totalCost[p]!;
    if (scoreNameId < 0) return;
    for (let slot = index.scoreOffsets[p]!; slot < index.scoreOffsets[p + 1]!; slot++) {
      if (index.scoreSummaryName[slot] !== scoreNameId) continue;
      group.scoreSum += index.scoreValue[slot]!;
      group.scoreCount++;
    }
    const session = index.session[p]!;
    if (session < 0 || group.sessions.has(session)) return;
    group.sessions.add(session);
    for (let slot = index.sessionScoreOffsets[session]!; slot < index.sessionScoreOffsets[session + 1]!; slot++) {
      if (index.sessionScoreSummaryName[slot] !== scoreNameId) continue;
      group.scoreSum += index.sessionScoreValue[slot]!;
      group.scoreCount++;
    }
  };
  for (let u = 0; u < index.users.length; u++) {
    const [lo, hi] = userSlice(index, u, range);
    for (let p = lo; p < hi; p++) {
      if (!filter.none && !filter.passes(p)) continue;
      if (dimension === 'environment') {
        add(index.environments[index.environment[p]!]!, u, p);
        continue;
      }
      if (metadataKey || dimension === 'release') {
        add(metadataKey ? metadataText(index.traces[p]!.metadata, metadataKey) : releaseOf(index, p), u, p);
        continue;
      }
      let matched = false;
      const start = index.tagOffsets[p]!;
      for (let i = start; i < index.tagOffsets[p + 1]!; i++) {
        const tag = index.tags[index.tagData[i]!]!;
        // A tag listed twice on a trace counts once.
        if (!tag.startsWith(prefix) || index.tagData.subarray(start, i).includes(index.tagData[i]!)) continue;
        add(tag, u, p);
        matched = true;
      }
      if (!matched) add(null, u, p);
    }
  }
  const segments: Segment[] = [...groups].map(([value, group]) => ({
    value,
    userCount: group.users.size,
    traceCount: group.traces,
    totalTokens: group.tokens,
    totalCost: group.cost,
    costPerUser: group.cost / group.users.size,
    errorRate: group.errors / group.traces,
    feedback: group.scoreCount > 0 ? group.scoreSum / group.scoreCount : null,
  }));
  segments.sort((a, b) => b.totalCost - a.totalCost || (a.value === null ? 1 : b.value === null ? -1 : compareIds(a.value, b.value)));
  return { dimension, segments };
}

/** A trace's release: a non-empty string, else none. */
function releaseOf(index: MemoryIndex, p: number): string | null {
  const release = index.traces[p]!.release;
  return typeof release === 'string' && release !== '' ? release : null;
}
