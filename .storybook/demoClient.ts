import { createMemoryClient } from '../src/core.ts';
import { generateDemoDataset } from '../src/testing/index.ts';

/**
 * The demo data every story runs on unless it brings its own client, and the clock every story's
 * provider reads. Both are fixed, so a story shows the same rows, dates and "3 days ago" on any
 * day and in any zone (its screenshot does not move); the clock stands 20 minutes after the
 * data's last hour, so relative ranges ("last 7 days") hold data.
 */
export const demoEnd = Date.parse('2026-11-30T14:00:00.000Z');
export const DEMO_NOW = demoEnd + 20 * 60_000;
export const demoNow = () => DEMO_NOW;
export const demoDataset = generateDemoDataset({ seed: 42, users: 150, days: 60, end: demoEnd });
export const demoClient = createMemoryClient(demoDataset, { id: 'demo' });
