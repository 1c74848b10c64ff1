import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type ClientCapabilities,
  type Implementation,
  type JSONRPCRequest,
  type Progress,
  type ServerCapabilities,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import type { ToolCallOutcome } from '../core/tool-call.js';
import { toMcpResponse } from './to-mcp-response.js';

/** One tools/call as the agent sent it. */
export interface IncomingCall {
  readonly name: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly meta: Readonly<Record<string, unknown>> | undefined;
  readonly signal: AbortSignal;
  /** Relays a backend's progress to the agent under the agent's own token; absent without one. */
  readonly onProgress: ((progress: Progress) => void) | undefined;
  /** The agent's JSON-RPC id for this request (absent for calls the CLI makes itself). */
  readonly requestId?: string | number | undefined;
  /** The transport's session id (Streamable HTTP); undefined on stdio. */
  readonly sessionId?: string | undefined;
}

/** What the front server needs from the rest of the gateway. */
export interface FrontPorts {
  readonly listTools: () => Promise<readonly Tool[]>;
  readonly callTool: (call: IncomingCall) => Promise<ToolCallOutcome>;
  /** Called once the agent has initialized, with what it declared. */
  readonly onInitialized: (
    capabilities: ClientCapabilities,
    client: Implementation | undefined,
  ) => void;
}

export interface FrontServerOptions {
  readonly info: Implementation;
  readonly instructions: string | undefined;
  readonly capabilities: ServerCapabilities;
  readonly ports: FrontPorts;
}

/**
 * The agent-facing MCP server. tools/call takes the SDK's fallback path so the hot path does
 * not re-validate requests and results with zod; the pipeline checks what it needs.
 */
export const createFrontServer = (options: FrontServerOptions): Server => {
  const { ports } = options;
  const server = new Server(options.info, {
    capabilities: options.capabilities,
    ...(options.instructions === undefined ? {} : { instructions: options.instructions }),
  });
  server.oninitialized = () => {
    ports.onInitialized(server.getClientCapabilities() ?? {}, server.getClientVersion());
  };
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: [...(await ports.listTools())],
  }));
  server.fallbackRequestHandler = async (request: JSONRPCRequest, extra) => {
    if (request.method !== 'tools/call')
      throw new McpError(ErrorCode.MethodNotFound, `Method not found: ${request.method}`);
    const params = request.params as
      { name?: unknown; arguments?: unknown; _meta?: Record<string, unknown> } | undefined;
    if (params === undefined || typeof params.name !== 'string')
      throw new McpError(ErrorCode.InvalidParams, 'tools/call needs a string "name"');
    const args: unknown = params.arguments ?? {};
    if (typeof args !== 'object' || args === null || Array.isArray(args)) {
      throw new McpError(ErrorCode.InvalidParams, 'tools/call "arguments" must be an object');
    }
    const meta = params._meta;
    const progressToken = meta?.['progressToken'];
    const onProgress =
      typeof progressToken === 'string' || typeof progressToken === 'number'
        ? (progress: Progress) => {
            void extra
              .sendNotification({
                method: 'notifications/progress',
                params: { ...progress, progressToken },
              })
              .catch(() => undefined);
          }
        : undefined;
    const outcome = await ports.callTool({
      name: params.name,
      args: args as Record<string, unknown>,
      meta,
      signal: extra.signal,
      onProgress,
      requestId: extra.requestId,
      sessionId: extra.sessionId,
    });
    return toMcpResponse(outcome);
  };
  return server;
};
