import { chooseBinEdges } from '../distributionBins.js';
import { UserlensError } from '../errors.js';
import { isScoreFigure } from '../figures.js';
import type { Distribution, DistributionBin, DistributionQuery, NumericUserFigure } from '../types.js';
import type { MemoryIndex } from './buildIndex.js';
import { NUMERIC_FIGURES, userRows } from './collectUsers.js';

/*
 * How the users of a query spread over one figure. A module of its own that the client loads on
 * the first call: hosts that never draw the histogram never load it (or the bin edge rules).
 */

export function getDistribution(index: MemoryIndex, query: DistributionQuery): Distribution {
  const where = 'getDistribution';
  if (!NUMERIC_FIGURES.includes(query.field as NumericUserFigure) && !isScoreFigure(query.field)) {
    throw new UserlensError('invalid_query', `${where}: field must be one of ${NUMERIC_FIGURES.join(', ')} or score:<name>; got ${JSON.stringify(query.field)}.`, {
      where,
      field: 'field',
    });
  }
  const binCount = query.bins ?? 20;
  if (!Number.isInteger(binCount) || binCount < 1 || binCount > 200) {
    throw new UserlensError('invalid_query', `${where}: bins must be an integer from 1 to 200, got ${String(binCount)}.`, { where, field: 'bins' });
  }
  const scale = query.scale ?? 'linear';
  const rows = userRows(index, query, where);
  const figure = rows.figure(query.field);
  const values: number[] = [];
  // A figure with no place on an axis (NaN, or a sum that overflowed) is left out of the bins.
  for (let r = 0; r < rows.count; r++) if (Number.isFinite(figure[r]!)) values.push(figure[r]!);
  let min = Infinity;
  let max = -Infinity;
  let zeroCount = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    if (v === 0) zeroCount++;
  }
  const result = { field: query.field, count: values.length, min: values.length ? min : null, max: values.length ? max : null, zeroCount };
  if (values.length === 0) return { ...result, scale, bins: [] };
  const { edges, scale: used } = chooseBinEdges(values, binCount, scale);
  const bins: DistributionBin[] = edges.slice(0, -1).map((from, i) => ({ from, to: edges[i + 1]!, count: 0 }));
  for (const v of values) bins[binOf(edges, v)]!.count++;
  return { ...result, scale: used, bins };
}

/** The bin of `v`: the last edge ≤ v, the top edge falling in the last bin. */
function binOf(edges: number[], v: number): number {
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (edges[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
