/**
 * `userlens/testing`: demo data and fixtures for stories, tests and benchmarks. Framework-free.
 */
export { generateDemoDataset, DEMO_MODELS } from './generateDemoDataset.ts';
export type { DemoDatasetOptions } from './generateDemoDataset.ts';
export { HOSTILE_USER_IDS } from './hostileUserIds.ts';
export { createFixtures } from './createFixtures.ts';
export type { Fixtures } from './createFixtures.ts';
export { withFaults } from './withFaults.ts';
export type { FaultOptions } from './withFaults.ts';
