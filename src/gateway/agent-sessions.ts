import { randomUUID } from 'node:crypto';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { ClientCapabilities, Implementation } from '@modelcontextprotocol/sdk/types.js';
import type { AuditSink } from '../core/audit/audit-sink.js';
import { CallTable } from '../core/call-table.js';
import { toAuditSession } from '../core/audit/build-records.js';
import { FlowSession } from '../core/flows/flow-session.js';
import type { Logger } from '../core/logger.js';
import { SessionApprovals } from '../core/policy/session-approvals.js';
import type { SessionInfo } from '../core/tool-call.js';

/**
 * An agent that never sends `initialize` still gets its backends, with no client capabilities;
 * one that never follows with `initialized` is not waited for longer than this either.
 */
const INITIALIZE_WAIT_MS = 3000;

/**
 * How long a backend's request waits for an agent that said `initialize` to say `initialized`:
 * as long as the SDK's default request timeout, by which time the backend gave up asking. On a
 * loaded machine an agent may take seconds between the two; answering "no agent" meanwhile
 * would refuse a request (roots, sampling) that agent was about to answer.
 */
const INITIALIZED_WAIT_MS = 60_000;

/** One agent connected to the gateway: the stdio agent, or one client of `serve --http`. */
export interface AgentSession {
  readonly server: Server;
  /** Names this connection in telemetry when its transport has none (stdio). */
  readonly id: string;
  readonly initialized: boolean;
  readonly info: SessionInfo;
  /** What this agent has read (flow labels, fingerprints): never shared with other sessions. */
  readonly flow: FlowSession;
  /** What a human approved for this agent's session: never shared with other sessions. */
  readonly approvals: SessionApprovals;
}

/** A call in flight as the sessions keep it: the call's own context (see tool-calls.ts). */
export interface SessionCall {
  readonly id: string;
  /** The gateway's number for the call, unique among the calls in flight. */
  readonly seq: number;
  readonly server: string;
  /** The flow session of the agent session that made it (absent: no agent in front). */
  readonly flow?: FlowSession | undefined;
}

interface MutableSession {
  readonly server: Server;
  readonly id: string;
  readonly flow: FlowSession;
  readonly approvals: SessionApprovals;
  initialized: boolean;
  info: SessionInfo;
  lastActive: number;
}

export interface AgentSessionsOptions {
  readonly audit: AuditSink;
  readonly logger: Logger;
  /** The principal policy rules match (`--agent`; a reload cannot change it). */
  readonly agent: string | undefined;
  readonly version: string;
  /** No agent will come (CLI commands): backends start at once with no client capabilities. */
  readonly standalone: boolean;
}

/**
 * The agents connected to this gateway and which of them made which call in flight: backends
 * are initialized with the first agent's capabilities, and a backend's sampling or approval
 * request goes to the agent whose call caused it.
 */
export class AgentSessions {
  /** Resolves with the capabilities backends are initialized with. */
  readonly capabilities: Promise<ClientCapabilities>;
  /** Who a call comes from when no agent is connected (CLI commands). */
  readonly standaloneInfo: SessionInfo;
  /** The flow session of calls with no agent in front (one `mcp-gateway call` run). */
  readonly standaloneFlow: FlowSession;
  /** The session approvals of calls with no agent in front. */
  readonly standaloneApprovals = new SessionApprovals();
  // Flow-session ids are unique in a log that several processes may share.
  private readonly flowPrefix = randomUUID().slice(0, 8);
  private flowCount = 0;
  private readonly sessions = new Set<MutableSession>();
  /** Calls in flight: their own contexts, kept by identity (no record, no string key per call). */
  /** Calls in flight, by their number (a table of slots, not a Set: see CallTable). */
  private readonly calls = new CallTable<SessionCall>();
  /** Each agent session by its flow session, which every call's context carries. */
  private readonly byFlow = new WeakMap<FlowSession, MutableSession>();
  private resolveCapabilities: (capabilities: ClientCapabilities) => void = () => undefined;
  /** Resolves once an agent can be asked things (it said `initialized`), or none will come. */
  private readonly agentReady: Promise<void>;
  private resolveAgentReady: () => void = () => undefined;
  private started = false;
  private stopped = false;
  /** An agent said `initialize`: backends' requests wait for its `initialized`. */
  private agentCame = false;
  private readonly initializeTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: AgentSessionsOptions) {
    this.standaloneInfo = { agent: options.agent, client: undefined };
    this.standaloneFlow = this.newFlow();
    this.capabilities = new Promise<ClientCapabilities>((resolve) => {
      this.resolveCapabilities = resolve;
    });
    this.agentReady = new Promise<void>((resolve) => {
      this.resolveAgentReady = resolve;
    });
    if (options.standalone) {
      this.begin({}, this.standaloneInfo);
      this.resolveAgentReady();
    } else {
      this.initializeTimer = setTimeout(() => {
        this.begin({}, this.standaloneInfo);
        // No agent came: a backend's request is refused rather than held for one that may never come.
        if (!this.agentCame) this.resolveAgentReady();
      }, INITIALIZE_WAIT_MS).unref();
    }
  }

  /** Registers an agent-facing server; it leaves the set when it closes (then `onClose` runs). */
  add(server: Server, onClose?: () => void): AgentSession {
    const session: MutableSession = {
      server,
      id: randomUUID(),
      flow: this.newFlow(),
      approvals: new SessionApprovals(),
      initialized: false,
      info: this.standaloneInfo,
      lastActive: Date.now(),
    };
    this.sessions.add(session);
    this.byFlow.set(session.flow, session);
    server.onclose = () => {
      this.sessions.delete(session);
      onClose?.();
    };
    return session;
  }

  /**
   * The agent's `initialize` request: who it is and what it supports. The session (and the
   * backends' handshakes) start here, not at its `initialized`, which comes a round trip later.
   */
  declared(session: AgentSession, capabilities: ClientCapabilities, client: Implementation): void {
    const own = session as MutableSession;
    own.info = {
      agent: this.options.agent,
      client: { name: client.name, version: client.version },
    };
    // Backends are shared, so they are initialized with the first agent's capabilities.
    this.begin(capabilities, own.info);
    // A backend's request waits for this agent's `initialized`, but not for ever.
    if (!this.agentCame) setTimeout(this.resolveAgentReady, INITIALIZED_WAIT_MS).unref();
    this.agentCame = true;
  }

  /** The agent said `initialized`: from now on it gets notifications and relayed requests. */
  initialized(
    session: AgentSession,
    capabilities: ClientCapabilities,
    client: Implementation | undefined,
  ): void {
    const own = session as MutableSession;
    own.initialized = true;
    // Said at its `initialize` already, unless it skipped that.
    if (own.info === this.standaloneInfo)
      own.info = {
        agent: this.options.agent,
        client: client === undefined ? undefined : { name: client.name, version: client.version },
      };
    this.begin(capabilities, own.info);
    this.resolveAgentReady();
  }

  /**
   * Resolves once an agent may be sent requests (MCP: not before its `initialized`), or none
   * will be: backends may ask for roots or sampling as soon as their own handshake is done.
   */
  agentsReady(): Promise<void> {
    return this.agentReady;
  }

  /** Notes that the agent session of `call` (its `flow`) made it, until endCall. */
  beginCall(call: SessionCall): void {
    const own = this.ownOf(call);
    if (own !== undefined) own.lastActive = Date.now();
    this.calls.set(call.seq, call);
  }

  endCall(call: SessionCall): void {
    if (this.calls.get(call.seq) === call) this.calls.delete(call.seq);
  }

  /** The agent session a call's context belongs to; undefined for calls with no agent in front. */
  sessionOfCall(call: { readonly flow?: FlowSession | undefined }): AgentSession | undefined {
    return this.ownOf(call);
  }

  private ownOf(call: { readonly flow?: FlowSession | undefined }): MutableSession | undefined {
    return call.flow === undefined ? undefined : this.byFlow.get(call.flow);
  }

  /** The agent that made call `id`, while it runs (approvals are asked of it). */
  agentForCall(id: string): Server | undefined {
    return this.sessionForCall(id)?.server;
  }

  /** The session that made call `id`, while it runs (a walk over the calls in flight: rare). */
  sessionForCall(id: string): AgentSession | undefined {
    for (const call of this.calls.values()) if (call.id === id) return this.sessionOfCall(call);
    return undefined;
  }

  /** The id of the session that made call `id` (as the audit log names it), while it runs. */
  sessionIdForCall(id: string): string | undefined {
    return this.sessionForCall(id)?.flow.id;
  }

  /** Who made call `id` (client name and version), while it runs, for the console. */
  infoForCall(id: string): SessionInfo | undefined {
    return this.sessionForCall(id)?.info;
  }

  /** Every connected agent with what it is doing, for the console's Now page. */
  describe(): {
    /** The session's id, as the audit log and the console's approvals name it. */
    readonly id: string;
    readonly info: SessionInfo;
    readonly initialized: boolean;
    readonly lastActive: number;
    readonly callsInFlight: number;
  }[] {
    return [...this.sessions].map((session) => {
      let callsInFlight = 0;
      for (const call of this.calls.values()) if (call.flow === session.flow) callsInFlight++;
      return {
        id: session.flow.id,
        info: session.info,
        initialized: session.initialized,
        lastActive: session.lastActive,
        callsInFlight,
      };
    });
  }

  /**
   * The agent that should answer a request from `server`: the one with a call in flight to it
   * (the one that caused it), else the agent that used the gateway last.
   */
  agentFor(server: string): Server | undefined {
    let best: MutableSession | undefined;
    for (const call of this.calls.values()) {
      const session = call.server === server ? this.ownOf(call) : undefined;
      if (session !== undefined && (best === undefined || session.lastActive > best.lastActive))
        best = session;
    }
    if (best !== undefined) return best.server;
    for (const session of this.sessions) {
      if (session.initialized && (best === undefined || session.lastActive > best.lastActive))
        best = session;
    }
    return best?.server;
  }

  /** Every initialized agent, for notifications. */
  agents(): Server[] {
    return [...this.sessions].filter((s) => s.initialized).map((s) => s.server);
  }

  /** Tells every initialized agent (each `affected` one, when given) that the tool list changed. */
  notifyToolsChanged(affected?: (session: AgentSession) => boolean): void {
    for (const session of this.sessions) {
      if (!session.initialized || (affected !== undefined && !affected(session))) continue;
      session.server.sendToolListChanged().catch((error: unknown) => {
        this.options.logger.debug(`could not send tools/list_changed: ${String(error)}`);
      });
    }
  }

  /** No session begins from now on (shutdown started): nothing more is audited. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.initializeTimer);
  }

  /** Closes every agent's session. */
  async closeAll(): Promise<void> {
    this.stop();
    await Promise.all([...this.sessions].map((s) => s.server.close().catch(() => undefined)));
  }

  private newFlow(): FlowSession {
    return new FlowSession(`${this.flowPrefix}-s${++this.flowCount}`);
  }

  // The session starts when the agent has said who it is (or would not say): one record, first.
  private begin(capabilities: ClientCapabilities, info: SessionInfo): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.options.audit.append({
      type: 'session_start',
      session: toAuditSession(info),
      gateway: { version: this.options.version, pid: process.pid },
    });
    this.resolveCapabilities(capabilities);
  }
}
