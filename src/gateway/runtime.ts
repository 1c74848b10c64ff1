import type { ResolvedConfig, ResolvedServer } from '../config/resolve.js';
import type { Logger } from '../core/logger.js';
import { createRateLimiter, type RateLimiter, type RootsView } from '../core/policy/index.js';
import { createFindingFilter, type FindingFilter } from '../core/scanner/finding-filter.js';
import { createInertCheck } from '../core/scanner/inert-value.js';
import type { Scanner } from '../core/scanner/scanner.js';
import type {
  ForwardToolCall,
  Handler,
  ToolCallContext,
  ToolCallOutcome,
} from '../core/tool-call.js';
import type { CallTelemetry } from '../core/telemetry/call-telemetry.js';
import type { AuditSink } from '../core/audit/audit-sink.js';
import { findSecrets } from '../core/scanner/secrets.js';
import { createFlowControl } from '../pipeline/control-flows.js';
import { createPipeline, type PipelineDeps } from '../pipeline/create-pipeline.js';
import { eventLoopScheduler } from '../review/event-loop-scheduler.js';
import { enforcePolicy, type AskHuman } from '../pipeline/enforce-policy.js';
import { fitResult, type FitResultOptions } from '../pipeline/fit-result.js';
import { recordAudit, recordCall, type RecordAuditOptions } from '../pipeline/record-audit.js';
import { recordUnroutedCall, type UnroutedCall } from '../pipeline/record-unrouted-call.js';
import {
  checkToolReview,
  scanArguments,
  scanResult,
  type ReviewVerdict,
} from '../pipeline/scan-content.js';

/**
 * Everything a call reads, built from one config and never changed: reconfigure builds the
 * next one and swaps it in whole, so a call that started under one config finishes under it.
 */
export interface Runtime {
  readonly config: ResolvedConfig;
  readonly servers: ReadonlyMap<string, ResolvedServer>;
  readonly limiter: RateLimiter;
  /** `scanning.allow` with each surface's threshold. */
  readonly filters: { readonly descriptions: FindingFilter; readonly content: FindingFilter };
  /** The security pipeline with these settings (create-pipeline.ts holds the order). */
  readonly pipeline: Handler;
  /** The steps in it: those that can act under this config, in no particular order. */
  readonly steps: readonly StepName[];
  /** Audits a call that reached no tool and returns its outcome with the receipt. */
  readonly recordUnrouted: (
    call: UnroutedCall,
    outcome: ToolCallOutcome,
    ms: number,
  ) => Promise<ToolCallOutcome>;
}

/** A step of the pipeline, as create-pipeline.ts names it. */
export type StepName = keyof PipelineDeps['steps'];

/** What every runtime shares: the ports and long-lived parts the pipeline steps use. */
export interface RuntimeParts {
  readonly forward: ForwardToolCall;
  readonly scanner: Scanner;
  readonly review: (server: string, tool: string) => ReviewVerdict | undefined;
  readonly askHuman: AskHuman;
  /** The MCP roots the agent gave each backend, for relative paths in arguments. */
  readonly roots?: (server: string) => RootsView | undefined;
  /** Cuts results too large for the session's client; undefined: never cut. */
  readonly fit?: FitResultOptions;
  /** Audit options that do not depend on the config in force; undefined: no audit steps. */
  readonly audit: Omit<RecordAuditOptions, 'failClosed'> | undefined;
  /** Spans and metrics per call; undefined: the steps run unwrapped. */
  readonly telemetry?: CallTelemetry | undefined;
  /** Where flow control writes `label` records (the audit log, or nothing). */
  readonly labelSink: AuditSink;
}

/**
 * Runs `task(ctx)` after the requests handed to the transports in this turn have left: a
 * stdio backend's transport writes them on a tick it queued when the first one came, which
 * runs before this one.
 */
const afterTransportFlush = (task: (ctx: ToolCallContext) => void, ctx: ToolCallContext): void => {
  process.nextTick(task, ctx);
};

/** Builds the runtime for `config`; the rate limiter carries over while the policy is unchanged. */
export const createRuntime = (
  config: ResolvedConfig,
  parts: RuntimeParts,
  previous?: Runtime,
): Runtime => {
  const limiter =
    previous?.config.policy.digest === config.policy.digest
      ? previous.limiter
      : createRateLimiter(config.policy);
  const filters = {
    descriptions: createFindingFilter(config.scanning.allow, config.scanning.threshold ?? 'high'),
    content: createFindingFilter(config.scanning.allow, config.scanning.threshold ?? 'medium'),
  };
  const servers = new Map(config.servers.map((s) => [s.name, s]));
  const audit: RecordAuditOptions | undefined =
    parts.audit === undefined
      ? undefined
      : {
          afterForward: afterTransportFlush,
          ...parts.audit,
          failClosed: () => config.policy.mode === 'enforce',
        };
  const flows = createFlowControl({
    flows: () => config.flows,
    labels: () => config.labels,
    findSecrets,
    sink: parts.labelSink,
    resultFindings: config.scanning.responses !== 'off',
  });
  // Words the scanner cleared once are not scanned again in this runtime's calls.
  const inert = createInertCheck((text) => parts.scanner.quietText(text));
  // A step that cannot act under this config is left out of the pipeline, not run as a no-op
  // on every call: a reload builds the next runtime, so the choice holds for its whole life.
  const scanning = config.scanning;
  const steps: PipelineDeps['steps'] = {
    flows: config.flows.mode === 'off' ? undefined : flows.step,
    audit: audit === undefined ? undefined : recordAudit(audit),
    fitResult: parts.fit === undefined ? undefined : fitResult(parts.fit),
    review: checkToolReview({ review: parts.review }),
    policy: enforcePolicy({
      policy: () => config.policy,
      limiter: () => limiter,
      server: (name) => servers.get(name),
      askHuman: parts.askHuman,
      now: () => Date.now(),
      ...(parts.roots === undefined ? {} : { roots: parts.roots }),
      flows,
    }),
    scanArguments:
      scanning.arguments === 'off'
        ? undefined
        : scanArguments({
            scanner: parts.scanner,
            action: () => config.scanning.arguments,
            filter: () => filters.content,
            limits: () => config.scanning.limits,
            scheduler: eventLoopScheduler,
            inert,
          }),
    scanResult:
      scanning.responses === 'off'
        ? undefined
        : scanResult({
            scanner: parts.scanner,
            action: () => config.scanning.responses,
            filter: () => filters.content,
            limits: () => config.scanning.limits,
            scheduler: eventLoopScheduler,
            inert,
          }),
    recordCall: audit === undefined ? undefined : recordCall(audit),
  };
  const pipeline = createPipeline({ forward: parts.forward, telemetry: parts.telemetry, steps });
  const recordUnrouted =
    parts.audit === undefined
      ? (_call: UnroutedCall, outcome: ToolCallOutcome) => Promise.resolve(outcome)
      : recordUnroutedCall({
          sink: parts.audit.sink,
          findSecrets: parts.audit.findSecrets,
          policy: () => config.policy,
        });
  const present = (Object.keys(steps) as StepName[]).filter((name) => steps[name] !== undefined);
  return { config, servers, limiter, filters, pipeline, steps: present, recordUnrouted };
};

/** Settings that only apply at start: a reloaded config keeps the running ones, with a warning. */
const FIXED_AT_START = ['stateDir', 'audit', 'pinning', 'telemetry'] as const;

/** The config a reload puts in force: the new one, with the settings fixed at start kept. */
export const reloadedConfig = (
  previous: ResolvedConfig,
  next: ResolvedConfig,
  logger: Logger,
): ResolvedConfig => {
  for (const key of FIXED_AT_START) {
    if (JSON.stringify(previous[key]) !== JSON.stringify(next[key])) {
      logger.warn(`"${key}" changed in the config; it applies when the gateway restarts.`);
    }
  }
  return {
    ...next,
    stateDir: previous.stateDir,
    audit: previous.audit,
    pinning: previous.pinning,
    telemetry: previous.telemetry,
  };
};
