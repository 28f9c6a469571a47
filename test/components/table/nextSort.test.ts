import { describe, expect, it } from 'vitest';
import { nextSort } from '../../../src/components/table/nextSort.ts';

const TOP_N = { kind: 'top-n', limit: 1000 } as const;

describe('nextSort', () => {
  it('sorts numbers and times descending on a first click, text ascending', () => {
    const current = { field: 'timestamp', direction: 'desc' } as const;
    expect(nextSort<string>(current, { field: 'totalCost', kind: 'number' })).toEqual({ field: 'totalCost', direction: 'desc' });
    expect(nextSort<string>(current, { field: 'createdAt', kind: 'time' })).toEqual({ field: 'createdAt', direction: 'desc' });
    expect(nextSort<string>(current, { field: 'name', kind: 'text' })).toEqual({ field: 'name', direction: 'asc' });
    expect(nextSort(null, { field: 'name', kind: 'text' })).toEqual({ field: 'name', direction: 'asc' });
  });

  it('flips the direction of the active column, whatever its kind', () => {
    expect(nextSort({ field: 'totalCost', direction: 'desc' }, { field: 'totalCost', kind: 'number' })).toEqual({ field: 'totalCost', direction: 'asc' });
    expect(nextSort({ field: 'totalCost', direction: 'asc' }, { field: 'totalCost', kind: 'number' })).toEqual({ field: 'totalCost', direction: 'desc' });
    expect(nextSort({ field: 'name', direction: 'asc' }, { field: 'name', kind: 'text' })).toEqual({ field: 'name', direction: 'desc' });
  });

  it('sorts descending only on a source that pages a top-N ranking', () => {
    expect(nextSort({ field: 'totalCost', direction: 'desc' }, { field: 'totalCost', kind: 'number' }, TOP_N)).toEqual({ field: 'totalCost', direction: 'desc' });
    expect(nextSort({ field: 'totalCost', direction: 'desc' }, { field: 'userId', kind: 'text' }, TOP_N)).toEqual({ field: 'userId', direction: 'desc' });
    expect(nextSort({ field: 'name', direction: 'asc' }, { field: 'name', kind: 'text' }, { kind: 'cursor' })).toEqual({ field: 'name', direction: 'desc' });
  });
});
