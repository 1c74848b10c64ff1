import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/types.js';
import {
  ListToolsRequestSchema,
  type ClientCapabilities,
  type Implementation,
  type InitializeRequest,
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
  /**
   * Called with the agent's `initialize` request as the SDK's Server takes it (its params
   * valid), before the answer: what the agent declared is known from here on.
   */
  readonly onInitialize?: (capabilities: ClientCapabilities, client: Implementation) => void;
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
 * The SDK's Server checks an agent's elicitation answers with Ajv, which it builds (with its
 * formats) in every Server's constructor: several ms and ~1 MB per session, on the way to the
 * answer to `initialize`. One validator is built the first time an answer is checked instead.
 */
let ajv: AjvJsonSchemaValidator | undefined;
const elicitationValidator: jsonSchemaValidator = {
  getValidator: (schema) => (ajv ??= new AjvJsonSchemaValidator()).getValidator(schema),
};

/**
 * The agent-facing MCP server: the SDK's Server for everything but tools/call, which takes the
 * tool-call lane in front of it on whatever transport it is connected to.
 */
class FrontServer extends Server {
  constructor(
    options: FrontServerOptions,
    private readonly callTool: CallToolPort,
    private readonly onInitialize: FrontPorts['onInitialize'],
  ) {
    super(options.info, {
      capabilities: options.capabilities,
      jsonSchemaValidator: elicitationValidator,
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
      if ('method' in message && 'id' in message && this.handled?.has(message.method) === true) {
        const refusal = invalidParamsAnswer(message);
        if (refusal !== undefined) {
          lane.send(refusal).catch(() => undefined);
          return;
        }
        // Backends are initialized with what the agent declares (its params are valid here):
        // they need not wait for its `initialized`, which follows only once this is answered.
        if (message.method === 'initialize') {
          const { params } = message as unknown as InitializeRequest;
          this.onInitialize?.(params.capabilities, params.clientInfo);
        }
      }
      deliver?.(message, extra);
    };
  }
}

/** Creates the agent-facing server of one session. */
export const createFrontServer = (options: FrontServerOptions): Server => {
  const { ports } = options;
  const server = new FrontServer(options, ports.callTool, ports.onInitialize);
  server.oninitialized = () => {
    ports.onInitialized(server.getClientCapabilities() ?? {}, server.getClientVersion());
  };
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: [...(await ports.listTools())],
  }));
  return server;
};
