import { createMemoryClient } from '../src/core.ts';
import { generateDemoDataset } from '../src/testing/index.ts';

/**
 * The demo data every story runs on unless it brings its own client. History ends at the
 * current hour so relative ranges ("last 7 days") have data.
 */
const HOUR = 3_600_000;
export const demoEnd = Math.ceil(Date.now() / HOUR) * HOUR;
export const demoDataset = generateDemoDataset({ seed: 42, users: 150, days: 60, end: demoEnd });
export const demoClient = createMemoryClient(demoDataset, { id: 'demo' });
