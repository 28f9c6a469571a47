/**
 * `userlens/testing`: demo data and fixtures for stories, tests and benchmarks. Framework-free.
 */
export { generateDemoDataset, DEMO_MODELS } from './generateDemoDataset.js';
export type { DemoDatasetOptions } from './generateDemoDataset.js';
export { HOSTILE_USER_IDS } from './hostileUserIds.js';
export { createFixtures } from './createFixtures.js';
export type { Fixtures } from './createFixtures.js';
export { withFaults } from './withFaults.js';
export type { FaultOptions } from './withFaults.js';
export { createLangfuseFake } from './langfuse/createLangfuseFake.js';
export type { LangfuseFake, LangfuseFakeApi, LangfuseFakeOptions } from './langfuse/types.js';
export { createDemoProfiles, demoProfile } from './demoProfiles.js';
export type { DemoProfilesOptions } from './demoProfiles.js';
