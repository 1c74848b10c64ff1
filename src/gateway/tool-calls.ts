import { randomUUID } from 'node:crypto';
import type { BackendState } from '../backends/backend-pool.js';
import { GatewayError } from '../core/errors.js';
import type { CallTelemetry } from '../core/telemetry/call-telemetry.js';
import type { Progress, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { FlowSession } from '../core/flows/flow-session.js';
import type { SessionApprovals } from '../core/policy/session-approvals.js';
import type { ToolRoute } from '../core/routing/tool-catalog.js';
import type { Finding } from '../core/scanner/finding.js';
import type {
  CallCancellation,
  CallOrigin,
  CallTrace,
  SessionInfo,
  ToolCallContext,
  ToolCallOutcome,
} from '../core/tool-call.js';
import type { IncomingCall } from '../frontend/front-server.js';
import type { AgentSession, AgentSessions, SessionCall } from './agent-sessions.js';
import type { LiveCatalog } from './live-catalog.js';
import type { Runtime } from './runtime.js';
import type { SessionProfiles } from './session-profiles.js';

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
  readonly profiles: SessionProfiles;
  /** Telemetry, when configured: calls' contexts then carry where they came from. */
  readonly telemetry: CallTelemetry | undefined;
}): CallTool => {
  const { catalog, sessions, profiles, telemetry } = options;
  const idPrefix = randomUUID().slice(0, 8);
  let counter = 0;
  const endCall = (ctx: SessionCall): void => {
    sessions.endCall(ctx);
  };
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
  /** A call whose route is known: through the pipeline of the runtime in force. */
  const run = (
    route: ToolRoute,
    call: IncomingCall,
    session: AgentSession | undefined,
  ): Promise<ToolCallOutcome> => {
    const runtime = options.runtime();
    const ctx = new CallContext(
      idPrefix,
      ++counter,
      route,
      call,
      session?.info ?? sessions.standaloneInfo,
      originOf(call, session),
      session?.flow ?? sessions.standaloneFlow,
      session?.approvals ?? sessions.standaloneApprovals,
    );
    if (session === undefined) return runtime.pipeline(ctx);
    sessions.beginCall(ctx);
    if (call.whenSettled !== undefined) {
      // The front ends the call's bookkeeping as it answers: no promise of our own per call.
      call.whenSettled(endCall, ctx);
      return runtime.pipeline(ctx);
    }
    // Not an async function with try/finally: its frame and await cost more than two handlers.
    let running: Promise<ToolCallOutcome>;
    try {
      running = runtime.pipeline(ctx);
    } catch (error) {
      sessions.endCall(ctx);
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return running.then(
      (outcome) => {
        sessions.endCall(ctx);
        return outcome;
      },
      (error: unknown) => {
        sessions.endCall(ctx);
        throw error;
      },
    );
  };

  return function callTool(call, session) {
    // Each session routes by its own view: its names, without the tools it is not offered.
    const route = profiles.viewFor(session).routeFor(call.name);
    return route === undefined ? callUnknown(call, session) : run(route, call, session);
  };

  /** A name the session's view does not route (yet): wait for the catalog, or audit the miss. */
  async function callUnknown(
    call: IncomingCall,
    session: AgentSession | undefined,
  ): Promise<ToolCallOutcome> {
    const arrived = telemetry === undefined ? 0 : performance.now();
    let view = profiles.viewFor(session);
    let route = view.routeFor(call.name);
    if (route === undefined && view.leftOutFor(call.name) === undefined) {
      // The agent may know a name from an earlier session before this one's backends are up.
      await catalog.firstRoundSettled();
      view = profiles.viewFor(session);
      route = view.routeFor(call.name);
    }
    const left = route === undefined ? view.leftOutFor(call.name) : undefined;
    // A tool of a backend that is down now (failed, restarting) is still called by its last
    // known name: the pipeline judges and audits it, and the backend's state is the answer.
    const down =
      route === undefined && left === undefined ? catalog.unavailable(call.name) : undefined;
    route ??= down?.route;
    if (route !== undefined) return await run(route, call, session);
    const started = performance.now();
    const outcome: ToolCallOutcome = {
      kind: 'failed',
      error:
        down !== undefined
          ? new GatewayError(
              'BACKEND_UNAVAILABLE',
              `Tool "${call.name}" belongs to backend "${down.server}", which is ${describeState(down.state)}; its tools are not known until it is up again.`,
              { details: { server: down.server } },
            )
          : new GatewayError(
              'TOOL_NOT_FOUND',
              left === undefined
                ? `Unknown tool "${call.name}"; call tools/list for the tools this gateway offers.`
                : `Tool "${call.name}" is not offered to ${profiles.profileFor(session).title}: ${left.reason === 'cap' ? `it is over ${left.by}` : `${left.by} leaves it out`}; call tools/list for the tools this gateway offers.`,
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
    // Calls to names that reach no tool are audited too: probing for tools is worth a record.
    return await options.runtime().recordUnrouted(
      {
        id: `${idPrefix}-${++counter}`,
        exposed: call.name,
        server: down?.server,
        args: call.args,
        session: session?.info ?? sessions.standaloneInfo,
      },
      outcome,
      performance.now() - started,
    );
  }
};

/** No argument findings yet: shared, since a step that finds some assigns a new array. */
const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/**
 * A call's context. A class, not a literal: its `signal` getter lives on the prototype, read on
 * demand (the lane makes a call's AbortSignal only when something asks for it), and a literal
 * with an accessor costs several times as much to create on every call.
 */
class CallContext implements ToolCallContext {
  /** The id's text, made on first use: many calls never need it (no audit, no approval). */
  private idText: string | undefined = undefined;
  readonly server: string;
  readonly tool: string;
  readonly exposed: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly meta: Readonly<Record<string, unknown>> | undefined;
  readonly definition: Tool | undefined;
  readonly cancellation: CallCancellation | undefined;
  readonly onProgress: ((progress: Progress) => void) | undefined;
  readonly trace: CallTrace;

  constructor(
    private readonly idPrefix: string,
    /** The call's number: unique in this gateway (the agent sessions keep calls by it). */
    readonly seq: number,
    route: ToolRoute,
    private readonly call: IncomingCall,
    readonly session: SessionInfo,
    readonly origin: CallOrigin | undefined,
    readonly flow: FlowSession | undefined,
    readonly approvals: SessionApprovals | undefined,
  ) {
    this.server = route.server;
    this.tool = route.tool;
    this.exposed = route.exposed;
    this.args = call.args;
    this.meta = call.meta;
    this.definition = route.definition;
    this.cancellation = call.cancellation;
    this.onProgress = call.onProgress;
    this.trace = {
      decision: undefined,
      argumentFindings: NO_FINDINGS,
      callRecorded: false,
      args: call.args,
    };
  }

  /** Gateway-assigned, unique within the audit log: this gateway's prefix and the call's number. */
  get id(): string {
    return (this.idText ??= `${this.idPrefix}-${String(this.seq)}`);
  }

  get signal(): AbortSignal {
    return this.call.signal;
  }
}

/** A backend's state, as a call's error names it. */
const describeState = (state: BackendState): string => {
  switch (state) {
    case 'failed':
      return 'down: it failed repeatedly and the gateway stopped restarting it until the config changes';
    case 'restarting':
      return 'restarting after a crash; try again shortly';
    case 'starting':
      return 'still starting; try again shortly';
    case 'stopped':
      return 'stopped';
    case 'ready':
      return 'up';
  }
};
