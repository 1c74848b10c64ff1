import { randomUUID } from 'node:crypto';
import { GatewayError } from '../core/errors.js';
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
}): CallTool => {
  const { catalog, sessions } = options;
  const idPrefix = randomUUID().slice(0, 8);
  let counter = 0;
  return async function callTool(call, session) {
    let route = catalog.current().routeFor(call.name);
    if (route === undefined) {
      // The agent may know a name from an earlier session before this one's backends are up.
      await catalog.firstRoundSettled();
      route = catalog.current().routeFor(call.name);
    }
    if (route === undefined) {
      return {
        kind: 'failed',
        error: new GatewayError(
          'TOOL_NOT_FOUND',
          `Unknown tool "${call.name}"; call tools/list for the tools this gateway offers.`,
        ),
      };
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
      signal: call.signal,
      onProgress: call.onProgress,
      trace: { decision: undefined, argumentFindings: [], callRecorded: false, args: call.args },
      flow: session?.flow ?? sessions.standaloneFlow,
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
