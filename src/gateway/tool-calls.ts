import { randomUUID } from 'node:crypto';
import { GatewayError } from '../core/errors.js';
import type { CallTelemetry } from '../core/telemetry/call-telemetry.js';
import type { ToolCallContext, ToolCallOutcome } from '../core/tool-call.js';
import type { IncomingCall } from '../frontend/front-server.js';
import type { AgentSession, AgentSessions } from './agent-sessions.js';
import type { LiveCatalog } from './live-catalog.js';
import type { Runtime } from './runtime.js';

/** Runs one tools/call by exposed name through the pipeline of the runtime in force. */
export type CallTool = (call: IncomingCall, session?: AgentSession) => Promise<ToolCallOutcome>;

/**
 * Where a call enters: its route from the live catalog, its context, the agent that made it,
 * and the pipeline of the one runtime snapshot it reads from start to end.
 */
export const createToolCalls = (options: {
  readonly catalog: LiveCatalog;
  readonly runtime: () => Runtime;
  readonly sessions: AgentSessions;
  /** Telemetry, when configured: calls' contexts then carry where they came from. */
  readonly telemetry: CallTelemetry | undefined;
}): CallTool => {
  const { catalog, sessions, telemetry } = options;
  const idPrefix = randomUUID().slice(0, 8);
  let counter = 0;
  // Only telemetry reads where a call came from: without it, nothing is built.
  const originOf = (call: IncomingCall, session: AgentSession | undefined) =>
    telemetry !== undefined && call.requestId !== undefined
      ? {
          requestId: call.requestId,
          sessionId: call.connection?.sessionId ?? session?.id,
          protocolVersion: call.connection?.protocolVersion,
          transport:
            call.connection?.sessionId === undefined ? ('stdio' as const) : ('http' as const),
        }
      : undefined;
  return async function callTool(call, session) {
    const arrived = telemetry === undefined ? 0 : performance.now();
    let route = catalog.current().routeFor(call.name);
    if (route === undefined) {
      // The agent may know a name from an earlier session before this one's backends are up.
      await catalog.firstRoundSettled();
      route = catalog.current().routeFor(call.name);
    }
    if (route === undefined) {
      const outcome: ToolCallOutcome = {
        kind: 'failed',
        error: new GatewayError(
          'TOOL_NOT_FOUND',
          `Unknown tool "${call.name}"; call tools/list for the tools this gateway offers.`,
        ),
      };
      telemetry?.unrouted(
        {
          name: call.name,
          meta: call.meta,
          origin: originOf(call, session),
          seconds: (performance.now() - arrived) / 1000,
        },
        outcome,
      );
      return outcome;
    }
    const runtime = options.runtime();
    const id = `${idPrefix}-${++counter}`;
    const ctx: ToolCallContext = {
      id,
      server: route.server,
      tool: route.tool,
      exposed: route.exposed,
      args: call.args,
      meta: call.meta,
      definition: route.definition,
      session: session?.info ?? sessions.standaloneInfo,
      // Read on demand: the lane makes a call's AbortSignal only when something asks for it.
      get signal() {
        return call.signal;
      },
      cancellation: call.cancellation,
      onProgress: call.onProgress,
      trace: { decision: undefined, argumentFindings: [], callRecorded: false, args: call.args },
      origin: originOf(call, session),
      flow: session?.flow ?? sessions.standaloneFlow,
      approvals: session?.approvals ?? sessions.standaloneApprovals,
    };
    if (session === undefined) return runtime.pipeline(ctx);
    sessions.beginCall(id, session, route.server);
    try {
      return await runtime.pipeline(ctx);
    } finally {
      sessions.endCall(id);
    }
  };
};
