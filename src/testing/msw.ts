/**
 * `userlens/testing/msw`: MSW request handlers for the fake Langfuse API. An entry of its own so
 * hosts that use the fixtures without MSW need not install it (msw is an optional peer).
 */
export { langfuseHandlers } from './langfuse/langfuseHandlers.js';
export type { LangfuseHandlersOptions } from './langfuse/langfuseHandlers.js';
