import type { Dataset } from '../src/index.ts';

export const END = Date.parse('2026-11-01T00:00:00.000Z');
const at = (i: number, plus = 0) => new Date(END - (i + 1) * 3_600_000 + plus).toISOString();

/** `traces` traces of `userId`, one generation each, the first `failed` of them at level ERROR. */
function userWith(userId: string, traces: number, failed: number) {
  return {
    traces: Array.from({ length: traces }, (_, i) => ({ id: `${userId}-${i}`, userId, timestamp: at(i), name: 'chat' })),
    observations: Array.from({ length: traces }, (_, i) => ({
      id: `${userId}-${i}-gen`,
      traceId: `${userId}-${i}`,
      type: 'GENERATION',
      startTime: at(i),
      endTime: at(i, 1500),
      level: i < failed ? ('ERROR' as const) : ('DEFAULT' as const),
      usageDetails: { input: 100, output: 20 },
      totalCost: 0.001,
    })),
  };
}

/** Every trace failed (6 of 6), one in eight failed, none failed. */
const users = [userWith('failing@example.com', 6, 6), userWith('mixed@example.com', 8, 1), userWith('fine@example.com', 3, 0)];
export const errorUsers: Dataset = { traces: users.flatMap((u) => u.traces), observations: users.flatMap((u) => u.observations), scores: [] };
