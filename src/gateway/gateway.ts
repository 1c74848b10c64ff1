import type { ToolLabels } from '../core/flows/resolve-labels.js';
import type { EarlyChildren } from '../backends/early-children.js';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { BackendStatus } from '../backends/backend-pool.js';
import type { ResolvedConfig } from '../config/resolve.js';
import type { Logger } from '../core/logger.js';
import type { ClientProfile } from '../clients/client-profile.js';
import type { ToolCatalog } from '../core/routing/tool-catalog.js';
import type { ToolView } from '../core/routing/tool-view.js';
import type { ToolCallOutcome } from '../core/tool-call.js';
import type { IncomingCall } from '../frontend/front-server.js';
import type { ToolReview } from '../review/tool-reviewer.js';
import type { DefinitionScan } from './scan-definitions.js';
import type { ToolVerdict } from './tool-verdict.js';

export type { BackendStatus } from '../backends/backend-pool.js';
export type { DefinitionScan } from './scan-definitions.js';
export type { ToolVerdict } from './tool-verdict.js';

export interface GatewayOptions {
  readonly config: ResolvedConfig;
  readonly logger: Logger;
  /**
   * Write the audit log and export telemetry (default: as the config says); `tools` and
   * friends, which make no calls, pass false.
   */
  readonly audit?: boolean;
  /**
   * Capabilities to ask backends for when no agent is connected (CLI commands);
   * with a front server, the agent's declared capabilities are used.
   */
  readonly standalone?: boolean;
  /** Serve the local console when the config enables it (`run`, `wrap`, `serve`; not one-shot commands). */
  readonly console?: boolean;
  /**
   * Resolve as soon as agent sessions can be opened and answer `initialize` (stdio `run`), and
   * build the rest (state files, scanner, pipeline, catalog) once the first agent's
   * `initialize` is answered; `ready()` says when that is done. Without it, `createGateway`
   * resolves with everything built.
   */
  readonly early?: boolean;
  /**
   * Stdio backends already spawned from this config (`run` spawns them right after reading it,
   * before the gateway's code loads); each backend's first start uses its child.
   */
  readonly children?: EarlyChildren | undefined;
}

/** What a config reload changed among the servers. */
export interface ServerChanges {
  readonly added: string[];
  readonly removed: string[];
  readonly restarted: string[];
}

/** A running gateway: backends, catalog and pipeline, with or without an agent in front. */
export interface Gateway {
  /**
   * Resolves once everything is built (at once unless created `early`), or rejects with what
   * stopped it (e.g. an audit log that cannot be opened). The queries below need it.
   */
  ready(): Promise<void>;
  /** The current merged tool catalog (every tool, including those the policy hides). */
  catalog(): ToolCatalog;
  /** What the policy says about a tool before seeing arguments; undefined for an unknown tool. */
  verdictFor(exposed: string): ToolVerdict | undefined;
  /** A tool's flow labels and where they came from (config, annotations, built-in defaults). */
  labelsFor(exposed: string): ToolLabels | undefined;
  /** The pre-call review of a tool: description findings, pin status, and why it is withheld. */
  reviewFor(exposed: string): ToolReview | undefined;
  /** Every tool definition scanned at every severity (`scanning.allow` applied), for `mcp-gateway scan`. */
  scanDefinitions(): DefinitionScan[];
  /**
   * What a client would be offered (`clientInfo.name`; undefined: no client): its profile, and
   * its view of the catalog with its names and the tools it is not offered.
   */
  clientView(client: string | undefined): { profile: ClientProfile; view: ToolView };
  /** Waits until every backend has started or failed once (bounded). */
  settled(timeoutMs?: number): Promise<void>;
  /** One tools/call by exposed name through the whole pipeline. */
  callTool(call: IncomingCall): Promise<ToolCallOutcome>;
  status(): BackendStatus[];
  /** A new agent-facing server for one session (connect it to a transport). */
  openSession(): Server;
  close(): Promise<void>;
  /** Applies a new config while running (servers, policy, scanning, naming); returns what changed. */
  reconfigure(next: ResolvedConfig): Promise<ServerChanges>;
  /** Records that a new config was rejected (the old one stays in force). */
  rejectConfig(summary: string): void;
  /** During close(), skip the remaining grace periods: kill the backends now. */
  hurry(): void;
}
