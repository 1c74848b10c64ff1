/** The programmatic API: define a config with types, start a gateway, use its types. */
export { defineConfig } from './config/define-config.js';
export { loadConfig, validateConfig } from './config/load.js';
export type { ResolvedConfig, ResolvedServer, InlineConfig } from './config/resolve.js';
export type { UserConfig } from './config/schema.js';
export { createGateway } from './gateway/create-gateway.js';
export { serveStdio } from './gateway/serve-stdio.js';
export { GATEWAY_INFO } from './gateway/gateway-info.js';
export type { Gateway, GatewayOptions, ToolVerdict } from './gateway/gateway.js';
export { GatewayError, isGatewayError, type GatewayErrorCode } from './core/errors.js';
export type { Logger } from './core/logger.js';
export type { ToolCallOutcome, ToolCallContext, Middleware, Handler } from './core/tool-call.js';
