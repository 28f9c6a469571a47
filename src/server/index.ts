/**
 * `userlens/server`: the Langfuse proxy for the host's backend. Server only — it holds the
 * Langfuse secret key — and framework-free: web-standard `Request`/`Response`, plus a Node
 * `http` adapter.
 */
export { createLangfuseProxy } from './createLangfuseProxy.js';
export type { LangfuseProxyOptions } from './options.js';
export type { LangfuseScope } from './scope.js';
export type { AllowedEndpoint } from './endpoints.js';
export { LANGFUSE_ENDPOINTS } from './endpoints.js';
export type { UpstreamErrorInfo } from './upstream.js';
export { toNodeListener } from './toNodeListener.js';
export type { NodeRequestLike, NodeResponseLike } from './toNodeListener.js';
export { createUserlensHandler } from './createUserlensHandler.js';
export type { UserlensHandlerOptions } from './createUserlensHandler.js';
export type { UserlensScope } from './userlensScope.js';
