/**
 * Attribute names from the OpenTelemetry semantic conventions for MCP and GenAI tool execution:
 * open-telemetry/semantic-conventions-genai v0.1.0, docs/gen-ai/mcp.md (status Development;
 * first published in semantic-conventions v1.39.0, maintained in that repository since).
 * `error.type`, `network.transport` and `server.*` are stable general conventions. Written out
 * here rather than imported from `@opentelemetry/semantic-conventions/incubating`, as that
 * package advises for names that may still change, and so nothing loads on start-up.
 */
export const SEMCONV = {
  mcpMethodName: 'mcp.method.name',
  mcpSessionId: 'mcp.session.id',
  mcpProtocolVersion: 'mcp.protocol.version',
  jsonrpcRequestId: 'jsonrpc.request.id',
  rpcResponseStatusCode: 'rpc.response.status_code',
  genAiOperationName: 'gen_ai.operation.name',
  genAiToolName: 'gen_ai.tool.name',
  errorType: 'error.type',
  networkTransport: 'network.transport',
  serverAddress: 'server.address',
  serverPort: 'server.port',
} as const;

/** `gen_ai.operation.name` of a tool call. */
export const EXECUTE_TOOL = 'execute_tool';

/** `mcp.method.name` of a tool call. */
export const TOOLS_CALL = 'tools/call';

/**
 * The gateway's own attributes, under its own namespace (the conventions reserve `mcp.*` and
 * `gen_ai.*` for what they define).
 */
export const GATEWAY_ATTR = {
  server: 'mcp_gateway.server',
  tool: 'mcp_gateway.tool',
  callId: 'mcp_gateway.call.id',
  outcome: 'mcp_gateway.outcome',
  decision: 'mcp_gateway.policy.decision',
  effect: 'mcp_gateway.policy.effect',
  rule: 'mcp_gateway.policy.rule',
  rules: 'mcp_gateway.policy.rules',
  mode: 'mcp_gateway.policy.mode',
  approved: 'mcp_gateway.policy.approved',
  scanStage: 'mcp_gateway.scan.stage',
  findings: 'mcp_gateway.scan.findings',
  findingRules: 'mcp_gateway.scan.rules',
  findingRule: 'mcp_gateway.finding.rule',
  findingSeverity: 'mcp_gateway.finding.severity',
  deniedBy: 'mcp_gateway.denied_by',
  auditRecord: 'mcp_gateway.audit.record',
  auditType: 'mcp_gateway.audit.type',
  auditSeq: 'mcp_gateway.audit.seq',
  auditHash: 'mcp_gateway.audit.hash',
  backendEvent: 'mcp_gateway.backend.event',
  flowSession: 'mcp_gateway.flow.session',
  flowLabels: 'mcp_gateway.flow.labels',
  flowToolLabels: 'mcp_gateway.flow.tool_labels',
  flowRules: 'mcp_gateway.flow.rules',
  flowCarried: 'mcp_gateway.flow.carried',
  flowEvent: 'mcp_gateway.flow.event',
  flowChanged: 'mcp_gateway.flow.changed',
  flowCause: 'mcp_gateway.flow.cause',
} as const;

/** Bucket boundaries (seconds) the MCP conventions give for operation durations. */
export const MCP_DURATION_BUCKETS: readonly number[] = [
  0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120, 300,
];

/** The gateway's metric instruments: name, kind, unit, description. */
export const METRICS = {
  serverDuration: {
    name: 'mcp.server.operation.duration',
    unit: 's',
    description: 'Time from receiving a tools/call to answering it, per server and tool.',
  },
  clientDuration: {
    name: 'mcp.client.operation.duration',
    unit: 's',
    description: 'Time a backend took to answer a forwarded tools/call.',
  },
  calls: {
    name: 'mcp_gateway.tool.calls',
    unit: '{call}',
    description: 'Tool calls, by server, tool and outcome.',
  },
  errors: {
    name: 'mcp_gateway.tool.errors',
    unit: '{call}',
    description: 'Tool calls that ended in an error (tool_error, error, timeout), by error.type.',
  },
  denials: {
    name: 'mcp_gateway.tool.denials',
    unit: '{call}',
    description: 'Tool calls the gateway refused: by the policy, the scanner or the tool review.',
  },
  asks: {
    name: 'mcp_gateway.tool.asks',
    unit: '{call}',
    description: 'Tool calls the policy asked a human about, by whether they were approved.',
  },
  findings: {
    name: 'mcp_gateway.scan.findings',
    unit: '{finding}',
    description: 'Scanner findings in tool calls, by rule, severity and stage.',
  },
  restarts: {
    name: 'mcp_gateway.backend.restarts',
    unit: '{restart}',
    description: 'Backend restarts after an exit, by server.',
  },
} as const;
