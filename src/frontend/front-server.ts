import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  ListToolsRequestSchema,
  type ClientCapabilities,
  type Implementation,
  type ServerCapabilities,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import { invalidParamsAnswer } from './invalid-params.js';
import { ToolCallLane, type CallToolPort } from './tool-call-lane.js';

export type { IncomingCall } from './tool-call-lane.js';

/** What the front server needs from the rest of the gateway. */
export interface FrontPorts {
  readonly listTools: () => Promise<readonly Tool[]>;
  readonly callTool: CallToolPort;
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
 * The agent-facing MCP server: the SDK's Server for everything but tools/call, which takes the
 * tool-call lane in front of it on whatever transport it is connected to.
 */
class FrontServer extends Server {
  constructor(
    options: FrontServerOptions,
    private readonly callTool: CallToolPort,
  ) {
    super(options.info, {
      capabilities: options.capabilities,
      ...(options.instructions === undefined ? {} : { instructions: options.instructions }),
    });
  }

  /**
   * Methods a request handler was set for; the SDK answers the others with Method not found.
   * Declared, not initialised: the SDK's constructor sets handlers before field initialisers
   * run, and an initialiser would replace what it recorded.
   */
  declare private handled: Set<string> | undefined;

  protected override assertRequestHandlerCapability(method: string): void {
    super.assertRequestHandlerCapability(method);
    (this.handled ??= new Set()).add(method);
  }

  override async connect(transport: Transport): Promise<void> {
    const lane = new ToolCallLane(transport, this.callTool);
    await super.connect(lane);
    // Params the SDK's schema refuses get Invalid params, not the SDK's InternalError. Set
    // right after connect: connect() installs the SDK's handler synchronously and no message
    // is delivered before its caller resumes.
    const deliver = lane.onmessage;
    lane.onmessage = (message, extra) => {
      const refusal =
        'method' in message && 'id' in message && this.handled?.has(message.method) === true
          ? invalidParamsAnswer(message)
          : undefined;
      if (refusal === undefined) deliver?.(message, extra);
      else lane.send(refusal).catch(() => undefined);
    };
  }
}

/** Creates the agent-facing server of one session. */
export const createFrontServer = (options: FrontServerOptions): Server => {
  const { ports } = options;
  const server = new FrontServer(options, ports.callTool);
  server.oninitialized = () => {
    ports.onInitialized(server.getClientCapabilities() ?? {}, server.getClientVersion());
  };
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: [...(await ports.listTools())],
  }));
  return server;
};
