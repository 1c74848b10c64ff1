import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  ListToolsRequestSchema,
  type ClientCapabilities,
  type Implementation,
  type ServerCapabilities,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
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

  override connect(transport: Transport): Promise<void> {
    return super.connect(new ToolCallLane(transport, this.callTool));
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
